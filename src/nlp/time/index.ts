export { extractTimes } from './extract.js';
