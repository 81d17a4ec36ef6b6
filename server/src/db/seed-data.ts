/** Raw material for the seed: names and prices that read like a small real shop. */
export const seedData = {
  users: [
    { id: 'usr_demo', email: 'demo@keel.dev', password: 'keel-demo', name: 'Demo User', roles: ['user'] },
    // A second account so flags that target a role or a user can be seen switching.
    { id: 'usr_beta', email: 'beta@keel.dev', password: 'keel-beta', name: 'Beta Tester', roles: ['user', 'beta'] },
  ],
  firstNames: [
    'Anna', 'Ben', 'Clara', 'David', 'Elif', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas',
    'Karin', 'Luca', 'Mara', 'Noah', 'Olga', 'Paul', 'Rosa', 'Sami', 'Tara', 'Umut',
  ],
  lastNames: [
    'Schmidt', 'Meyer', 'Rossi', 'Dubois', 'Novak', 'Jansen', 'Silva', 'Berg', 'Kowalski',
    'Moreau', 'Yilmaz', 'Fischer', 'Costa', 'Lindqvist', 'Horvat',
  ],
  products: [
    ['Harbor Rope 10 m', 1890], ['Brass Cleat', 1250], ['Deck Shoes', 8900], ['Canvas Duffel', 6400],
    ['Tide Clock', 4500], ['Signal Whistle', 690], ['Marine Compass', 15900], ['Foul-Weather Jacket', 22900],
    ['Dry Bag 20 L', 3200], ['Bilge Pump', 7800], ['Anchor Light', 5400], ['Mooring Line 15 m', 4200],
    ['Fender, Medium', 2600], ['Boat Hook', 3900], ['Wool Watch Cap', 2400], ['Rigging Knife', 4900],
    ['Logbook', 1500], ['Chart Dividers', 2900], ['Headlamp', 3400], ['Thermal Flask', 2700],
    ['Sailing Gloves', 3100], ['Life Jacket', 11900], ['Handheld VHF Radio', 18900], ['Sea Chest', 24900],
    ['Knot Board', 1990], ['Barometer', 13900], ['Deck Brush', 1790], ['Shackle Set', 990],
    ['Hammock', 5900], ['Spyglass', 8400],
  ] as const,
  notes: [
    'Leave at the front desk.', 'Gift wrap, please.', 'Call before delivery.',
    'Deliver after 5 pm.', 'Fragile: pack with care.', 'Invoice to the office address.',
  ],
} as const;
