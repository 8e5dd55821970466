export { renderBrief } from './brief.js';
