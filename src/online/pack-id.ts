/** The pack that fact-checks found online are put in (a module of its own: the popup names it without the lookup). */
export const ONLINE_PACK_ID = 'found-online';
