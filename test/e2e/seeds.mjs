/**
 * Expected on each seed page: sentences (by a fragment) and whether the page asserts their claim, only suggests it
 * (a hedged assertion), or denies it: the highlight each is painted with.
 */
export const SEEDS = {
  suspension: [['When Meta AI announced the Meta open-source model suspension', 'asserts'], ['European Union has already announced increased funding', 'asserts']],
  'lab-discussed': [
    ['Top members of Meta’s new Superintelligence Lab have reportedly discussed', 'asserts'],
    ['its release was delayed due to underwhelming internal performance', 'asserts'],
    ['official position on open-source AI remains', 'asserts'],
    ['We plan to continue releasing leading open source models', 'denies'],
    ['potentially pivoting towards a more guarded, closed-source approach', 'suggests'],
  ],
  'will-open-source': [['Meta’s decision to open‑source new AI models', 'asserts']],
  'moving-to-closed': [
    ['moving away from its flagship open-source Llama models toward proprietary', 'asserts'],
    ['encountered critical issues related to data privacy', 'asserts'],
  ],
};
