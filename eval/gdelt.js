// Rift's QuadClass and Goldstein against GDELT's on GDELT's own events (one real GDELT 2.0 export), per CAMEO code
// and per country pair counted Rift's way (copies once). Decision 1202 says where and why they differ.
// Measured: QuadClass agreement per code 0.964 (GDELT files roots 09 and 14 one class off CAMEO's scheme),
// Goldstein identical 1.0; pairs: mean Goldstein correlation 0.995, dominant QuadClass agreement 0.951.
export default {
  name: 'gdelt',
  issue: 12,
  needs: ['data/gdelt/20191024143000.export.CSV', 'data/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv'],
  args: [
    'eval', 'gdelt', '{shared}/data/gdelt/20191024143000.export.CSV',
    '{shared}/data/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv', '--json',
  ],
  bars: [
    { path: 'codes.quadAgreement', min: 0.95, label: 'QuadClass agreement per CAMEO code' },
    { path: 'codes.goldsteinExact', min: 0.99, label: 'Goldstein identical per CAMEO code' },
    { path: 'pairs.goldsteinCorrelation', min: 0.95, label: 'per-pair mean Goldstein, correlation with GDELT' },
    { path: 'pairs.dominantQuadAgreement', min: 0.9, label: 'per-pair dominant QuadClass agreement' },
  ],
  report: ['pairs.sharedPairs', 'pairs.gdeltEvents', 'pairs.riftEvents', 'pairs.goldsteinMae', 'pairs.quadShareDistance'],
};
