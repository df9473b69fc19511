/**
 * The names of the portraits and meter icons the game ships (assets/portraits, assets/icons), so
 * the validator can warn about a name that would silently fall back to the neutral picture. A unit
 * test keeps these lists equal to the folders.
 */
export const PORTRAITS: readonly string[] = [
  'alderman', 'board', 'clerk', 'council', 'counsellor', 'elderly', 'entrepreneur', 'gp', 'inspector', 'insurer', 'journalist', 'manager', 'ministry',
  'neutral', 'nurse', 'parent', 'partner', 'patient', 'principal', 'pupil', 'relative', 'resident', 'specialist', 'surgeon', 'teacher',
];

export const ICONS: readonly string[] = [
  'backpack', 'building', 'chalkboard', 'clock', 'coins', 'columns', 'cross', 'family', 'handshake', 'heart', 'house', 'magnifier', 'neutral', 'people',
  'scales', 'shield', 'star', 'stethoscope',
];
