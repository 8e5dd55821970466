// Reuters-21578 has no private channel (no leaked or internal documents): ingested with the relationships stage,
// it must raise no rift alert (issue 12).
export default {
  name: 'rift-quiet',
  issue: 12,
  needs: ['data/news/reuters21578.jsonl'],
  args: ['eval', 'rift-quiet', '{shared}/data/news/reuters21578.jsonl', '--json'],
  bars: [{ path: 'alerts', max: 0, label: 'rift alerts on Reuters-21578' }],
  report: ['documents', 'events', 'publicEvents', 'privateEvents'],
};
