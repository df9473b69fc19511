/**
 * The names of the portraits and meter icons the game ships (assets/portraits, assets/icons), so
 * the validator can warn about a name that would silently fall back to the neutral picture. A unit
 * test keeps these lists equal to the folders.
 */
export const PORTRAITS: readonly string[] = [
  'alderman', 'alderman-woman', 'board', 'clerk', 'clerk-man', 'council', 'counsellor', 'counsellor-man', 'elderly', 'elderly-man',
  'entrepreneur', 'entrepreneur-woman', 'father', 'gp', 'inspector', 'insurer', 'journalist', 'journalist-man', 'manager', 'mayor',
  'ministry', 'neutral', 'nurse', 'nurse-woman', 'official', 'official-older', 'official-woman', 'parent', 'partner', 'patient',
  'patient-woman', 'principal', 'pupil', 'pupil-girl', 'pupil-older', 'pupil-older-girl', 'relative', 'resident', 'resident-older',
  'resident-woman', 'specialist', 'specialist-woman', 'surgeon', 'teacher', 'teacher-man', 'teacher-older',
];

export const ICONS: readonly string[] = [
  'backpack', 'building', 'chalkboard', 'clock', 'coins', 'columns', 'cross', 'family', 'handshake', 'heart', 'house', 'magnifier',
  'neutral', 'people', 'scales', 'shield', 'star', 'stethoscope',
];
