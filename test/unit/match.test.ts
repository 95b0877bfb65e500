import { describe, expect, it } from 'vitest';
import { ClaimBase } from '../../src/claims/claim-base';
import { datePrior, dayNumber, postDay } from '../../src/match/dates';
import { ClaimIndex } from '../../src/match/index';
import { Matcher, namesReferredTo, STORY_PACK_MAX } from '../../src/match/matcher';
import { checkModel, score, thresholdFor, type DecisionModel } from '../../src/match/model';
import { terms } from '../../src/match/normalize';
import { englishWeights } from '../../src/match/weights';
import { isAssertion, isHedged, relationOf, saidOfAnother, saysNothingOfAll, tellsOnlyTheBefore, tellsOnlyTheBeforeOf } from '../../src/match/relation';
import { storyPack } from '../../scripts/bench-relation';
import { bundledPacks } from './helpers';

describe('normaliser', () => {
  // A text's terms as one string: two texts the normaliser reads alike give the same.
  const t = (s: string) => terms(s).join(' ');

  it.each([
    ['the ways news writes "open source"', [['open-source models', 'open source models'], ['open‑source models', 'opensource models'], ['open-weight models', 'open source models']]],
    ['the ways news writes shutting down', [['Facebook will shut down', 'Facebook shutdown'], ['Facebook is shutting down', 'Facebook shut-down'], ['BSNL shuts down', 'BSNL shutdowns']]],
    ['a country and its adjective, as American and the USA are', [['the Indian government', 'the India government'], ['Chinese regulators', 'China regulators'], ['an Israeli strike', 'an Israel strike']]],
    ['dying, however said', [['Redford has died', 'Redford death'], ['Redford is dead', 'Redford dying']]],
    ['a chief executive, however titled', [['the chief executive officer quit', 'the CEO quit'], ['chief executives', 'CEOs']]],
    ['a currency, by its sign or its name', [['Rs 2,000 notes', 'rupees 2,000 notes'], ['₹2000 notes', 'rupee 2000 notes'], ['paid $750', 'paid dollars 750'], ['a £5 fee', 'a pound 5 fee']]],
    ['a prime minister, however titled', [['PM Modi ordered it', 'Prime Minister Modi ordered it'], ['the govt denied it', 'the government denied it']]],
    ['banning, however said', [['India will prohibit crypto currency', 'India will ban cryptocurrency'], ['bitcoin is outlawed', 'bitcoin is banned']]],
    ['being pregnant, however said', [['pregnancy rumours about Aniston', 'pregnant rumours about Aniston'], ['Lopez is expecting a baby', 'Lopez is pregnant']]],
    ['ending a marriage and divorcing', [['Lopez and Anthony will end their marriage', 'Lopez and Anthony will divorce']]],
    ['stepping down and resigning', [['Kurumatani will step down', 'Kurumatani will resign'], ['Hayward is stepping down', 'Hayward is resigning']]],
    ['a word spelt the British or the American way', [['abandoning Behemoth in favour of a closed model', 'abandoning Behemoth in favor of a closed model'], ['rumoured to monetise', 'rumored to monetize'], ['organisations were criticised', 'organizations were criticized'], ['the city centre', 'the city center'], ['defence licences', 'defense licenses'], ['paediatric haemorrhage', 'pediatric hemorrhage'], ['a programme in grey', 'a program in gray'], ['hospitalised patients', 'hospitalized patients']]],
    ['a lab and a laboratory', [['the superintelligence laboratory', 'the superintelligence lab']]],
    ['staying and remaining', [['its largest models will stay proprietary', 'its largest models will remain proprietary'], ['the store stayed open', 'the store remained open']]],
    ['raising and increasing', [['no plans to raise the retirement age', 'no plans to increase the retirement age'], ['prices were raised', 'prices were increased']]],
    ['putting off, however said', [['the launch was pushed to June', 'the launch was delayed to June'], ['the model has been pushed to fall', 'the model has been postponed to fall']]],
    ['calling something off, however said', [['Apple scrapped its car project', 'Apple cancelled its car project'], ['the project was shelved', 'the project was canceled'], ['Apple axed the car', 'Apple cancelled the car'], ['Meta ditches Behemoth', 'Meta cancels Behemoth'], ['Apple pulled the plug on the car', 'Apple cancelled the car']]],
    ['X, the site that was Twitter, and Twitter', [['X will charge all users', 'Twitter will charge all users'], ["Elon Musk's X is preparing a fee", "Elon Musk's Twitter is preparing a fee"], ['posted on X.', 'posted on Twitter.']]],
  ])('gives %s one term', (_, pairs) => {
    for (const [a, b] of pairs) expect(t(a!)).toBe(t(b!));
  });

  it('weighs a word by its rank in English: common words little, rare ones and names much, the list searchable', async () => {
    const { words, ranks } = (await import('../../src/match/term-ranks.json')).default as { words: string[]; ranks: number[] };
    // Searched by halving: the words in code-unit order, each once, and every rank from 1 given once.
    expect(words.every((w, i) => i === 0 || words[i - 1]! < w)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks.map((_, i) => i + 1));
    const w = (word: string) => englishWeights(terms(word)[0]!);
    expect(w('first')).toBeLessThan(w('released'));
    expect(w('released')).toBeLessThan(w('behemoth'));
    // Words past the list weigh most, and alike.
    expect(w('behemoth')).toBeLessThan(w('qwzxvb'));
    expect(w('qwzxvb')).toBe(w('zzqqxxy'));
    expect(englishWeights('opensourc')).toBe(Math.log2(1 + 9000 / 50));
  });

  it('reads words that name properties of every object as words ("constructor" was read as the Object function)', () => {
    expect(terms('The constructor won the title, said the Formula One team')).toEqual(['constructor', 'won', 'titl', 'formula', 'team']);
  });

  it('keeps a name of initials joined by an ampersand as one word, which splitting at "&" would drop', () => {
    expect(t('AT&T plans layoffs')).toBe('att plan layoff');
    expect(t('H&M plans layoffs')).not.toBe(t('AT&T plans layoffs'));
    expect(t('rock & roll')).toBe('rock roll');
    // An ampersand escaped once too often, as posts carry it, is still one; "AMP", the company, is a word.
    expect(t('AT&amp;T plans layoffs')).toBe(t('AT&T plans layoffs'));
    expect(t('AMP denies its CEO resigned')).toBe('amp deni ceo resign');
  });

  it('leaves alone the words that only look like British spellings', () => {
    // "-our", "-ise" and "-re" are endings of other words too: "hour" is no "hor", nor "promise" a "promize".
    for (const [word, other] of [['hour', 'hor'], ['tour', 'tor'], ['promise', 'promize'], ['exercise', 'exercize'], ['enterprise', 'enterprize'], ['massacre', 'massacer'], ['genre', 'gener'], ['macabre', 'macaber']]) {
      expect(t(word!)).not.toBe(t(other!));
    }
  });

  it('reads a lone "X" as the site only outside names and other uses of the letter', () => {
    const site = terms('Twitter')[0];
    for (const text of ['Malcolm X spoke in Harlem', 'Generation X voters', 'The X Factor final', 'an X-ray of the chest', '3 x 4 metres']) {
      expect(terms(text)).not.toContain(site);
    }
  });

  it('does not read the "pm" of a clock as a prime minister', () => {
    expect(terms('the meeting at 5 pm')).not.toContain(t('Prime Minister'));
    expect(terms('the meeting at 5pm')).not.toContain(t('Prime Minister'));
  });

  it('does not read every "shot" as a vaccine: news shoots down reports and people', () => {
    const vaccine = terms('vaccine')[0];
    expect(terms('AMP has shot down speculation')).not.toContain(vaccine);
    expect(terms('he was shot dead')).not.toContain(vaccine);
    expect(t('the jab')).toBe(t('the vaccine'));
  });

  it('matches a claim of revoking only to a sentence that speaks of revoking or keeping', () => {
    const base = new ClaimBase([storyPack('apps', 'App bans', ['India will revoke its ban on Chinese apps.'])]);
    expect(base.matcher.best({ text: 'The government of India denies passing order to ban Chinese apps in India.' })).toBeUndefined();
    expect(base.matcher.best({ text: 'India has no plans to lift its ban on Chinese apps, the ministry said.' })).toBeDefined();
  });

  it('matches a short claim of a shutdown, however the sentence writes it', () => {
    const base = new ClaimBase([storyPack('hoax', 'Shutdown hoaxes', ['Facebook will shut down.'])]);
    const found = base.matcher.best({ text: 'Facebook shutdown rumor is a hoax.' });
    expect(found && base.claimAt(found.doc).text).toBe('Facebook will shut down.');
    expect(relationOf('Facebook shutdown rumor is a hoax.', 'Facebook will shut down.')).toBe('denies');
  });

  it('gives "closed-source" and "proprietary" one term, the one its antonyms know', () => {
    expect(terms('closed-source models')).toEqual(terms('proprietary models'));
    expect(terms('closed source')).toEqual(['closedsource']);
  });

  it('reads no opening in "opens a window into", "opened the door to" or "opening up new possibilities"', async () => {
    const open = terms('open')[0];
    for (const idiom of ['whose history opens a window into the lab', 'it opened the door to a closed model', 'opening up new possibilities'])
      expect(terms(idiom)).not.toContain(open);
    expect(terms('Meta opens its models to everyone')).toContain(open);
    // "Open" there had answered the closed model's stance and turned the match into a denial.
    const base = new ClaimBase(bundledPacks());
    expect(await base.matchSentences([{ text: 'Avocado, an undocumented internal Meta model, opens a window into how the company works.' }])).toEqual([]);
  });

  it('joins "super intelligence" written apart, as some outlets write the lab\'s name', () => {
    expect(terms('Meta Super Intelligence Labs')).toEqual(terms('Meta Superintelligence Labs'));
    expect(terms('a super-intelligent system')).toEqual(terms('a superintelligent system'));
  });

  it('gives the ways news writes of layoffs, staff, postponing and shuttering the words a claim uses', () => {
    expect(t('Apple has laid off workers')).toBe(t('Apple lays off staff'));
    expect(t('IBM layoffs')).toBe(t('IBM job cuts'));
    expect(t('laid-off employees')).toBe(t('layoffs workforce'));
    expect(t('the launch was postponed')).toBe(t('the launch was delayed'));
    expect(t('the launch was pushed back')).toBe(t('the launch was delayed'));
    expect(terms('Meta pushed back against the report')).not.toContain('delai');
    expect(t('shuttering its stores')).toBe(t('closing its stores'));
    // "Lay" on its own is not a layoff.
    expect(terms('they lay the groundwork')).not.toContain('layoff');
  });

  it('gives hacking, a breach and a cyber attack one word, as news writes of the same incident, and stealing one', () => {
    expect(t('hackers hacked Samsung')).toBe(t('a breach breached Samsung'));
    expect(t('the latest cyber attack')).toBe(t('the latest hack'));
    expect(t('a cyber-attack on the bank')).toBe(t('cyberattacks on the bank'));
    // And stealing in its irregular forms, which the stemmer leaves apart.
    expect(t('hackers stole the data')).toBe(t('hackers steal the data'));
    expect(t('the data was stolen')).toBe(t('the data steals'));
  });

  it('gives a merger and an acquisition the words of merging and acquiring', () => {
    expect(t('merger talks with Uber')).toBe(t('merging talks with Uber'));
    expect(t('an acquisition of Myer')).toBe(t('acquire Myer'));
  });

  it('drops function words, stems the rest, keeps numbers', () => {
    expect(terms('The company has released 3 models')).toEqual(['compani', 'releas', '3', 'model']);
  });

  it('spells out camel-case hashtags and handles, and drops links written without a scheme', () => {
    expect(terms('#HunterBiden has flipped pic.twitter.com/wd6ZjGbVDu')).toEqual(['hunter', 'biden', 'hunterbiden', 'flip']);
    expect(terms('@LeoDiCaprio was on TV')).toContain('dicaprio');
    expect(terms('see bit.ly/3xYz for more')).toEqual(['see']);
  });
});

describe('story packs and pools', () => {
  // A story pack beside a pool one claim larger than the largest story pack: fillers of one shape, and two claims a
  // sentence below states.
  const pool = Array.from({ length: STORY_PACK_MAX + 1 }, (_, i) => ({ key: `pool/c${i}`, phrasings: [`A festival in town number ${i} was cancelled after a storm.`] }));
  pool[7] = { key: 'pool/bags', phrasings: ['The city of Springfield banned plastic bags from its shops in 2019.'] };
  const story = [
    { key: 'story/stopped', phrasings: ['Meta has stopped releasing open-source AI models.'] },
    { key: 'story/bags', phrasings: ['Springfield shops will charge for paper bags.'] },
  ];
  const index = ClaimIndex.build([...story, ...pool]);
  const matcher = new Matcher(index);
  const judged = (text: string, key: string) => {
    const c = matcher.candidates({ text }, 10).find((x) => index.keyOf(x.doc) === key)!;
    const r = matcher.rank({ text }, 10).find((x) => x.key === key)!;
    return { story: score(matcher.model, c.features.values), pool: score(matcher.poolModel!, c.features.values), given: r.score, match: r.match };
  };

  it("judges a pool's claims by the pool model, at its threshold", () => {
    const j = judged('Springfield has banned plastic bags from its shops since 2019, the council said.', 'pool/bags');
    expect(j.given).toBeCloseTo(j.pool, 9);
    expect(Math.abs(j.given - j.story)).toBeGreaterThan(0.01);
    expect(j.match).toBe(j.pool >= matcher.poolModel!.threshold);
  });

  it("judges a story pack's claims by the story model, whatever else the index holds", () => {
    const j = judged('Meta stopped releasing its open-source models last year.', 'story/stopped');
    expect(j.given).toBeCloseTo(j.story, 9);
    expect(Math.abs(j.given - j.pool)).toBeGreaterThan(0.01);
    expect(j.match).toBe(true);
  });

  it('judges every claim by the story model when there is no pool model', () => {
    const alone = new Matcher(index, {}, undefined, undefined, null);
    const text = 'Springfield has banned plastic bags from its shops since 2019, the council said.';
    const c = alone.candidates({ text }, 10).find((x) => index.keyOf(x.doc) === 'pool/bags')!;
    expect(alone.rank({ text }, 10).find((x) => x.key === 'pool/bags')!.score).toBeCloseTo(score(alone.model, c.features.values), 9);
  });
});

describe('dates', () => {
  it('reads ISO dates and the byline of a quoted post', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('not a date')).toBeUndefined();
    expect(postDay('Biden turned himself in! — Paul (@Luap5150) October 30, 2020')).toBe(dayNumber('2020-10-30'));
    expect(postDay('He said so on October 30, 2020.')).toBeUndefined();
  });

  it('penalises a claim dated long before or long after the page, and nothing without dates', () => {
    const page = dayNumber('2020-06-01')!;
    expect(datePrior(page + 5, page)).toBe(1);
    expect(datePrior(page + 300, page)).toBe(1);
    expect(datePrior(page - 10, page)).toBe(1);
    expect(datePrior(page - 3 * 365, page)).toBeCloseTo(0.7);
    expect(datePrior(page + 2 * 365, page)).toBeLessThan(1);
    expect(datePrior(undefined, page)).toBe(1);
    expect(datePrior(page, undefined)).toBe(1);
  });

  it('ranks, of two claims worded alike, the one of the page\'s time first', () => {
    const claim = (id: string, date: string) => ({ id, text: 'The senator voted against the flood relief bill.', alternates: [], coverage: [], date });
    const base = new ClaimBase([{ format: 'claimlight-pack', version: 1, id: 'p', title: 'p', updated: '2024-01-01', language: 'en', sources: [], claims: [claim('old', '2012-03-01'), claim('new', '2023-09-10')] }]);
    const top = (date?: string) => base.claimAt(base.matcher.rank({ text: 'The senator voted against the flood relief bill', date }, 2)[0]!.doc).id;
    expect(top('2023-09-12')).toBe('new');
    expect(top('2012-03-05')).toBe('old');
  });
});

describe('matcher on the seed story', () => {
  const base = new ClaimBase(bundledPacks());
  const best = (text: string, context = '') => base.matcher.best({ text, context, previous: context });
  const claimOf = (text: string, context = '') => {
    const b = best(text, context);
    return b && base.claimAt(b.doc).id;
  };

  it.each([
    ['When Meta AI announced the Meta open-source model suspension, it caught everyone off guard.', 'meta-suspended-open-source-models'],
    ["The tech world is buzzing after news broke about Meta open-source model suspension, marking a dramatic shift in the company's AI development strategy.", 'meta-suspended-open-source-models'],
    ["The Meta open-source model suspension represents more than just a corporate strategy shift - it's a pivotal moment that could reshape the entire AI landscape.", 'meta-suspended-open-source-models'],
    ['Top members of Meta’s new Superintelligence Lab have reportedly discussed moving away from the company’s powerful open-source AI model , Behemoth.', 'msl-discussed-closed-behemoth'],
    ['Sources indicate that while training on Behemoth was completed, its release was delayed due to underwhelming internal performance.', 'behemoth-delayed-poor-performance'],
    ['A Meta spokesperson clarified that the company’s official position on open-source AI remains “unchanged.”', 'meta-position-unchanged'],
    ['Meta’s decision to open‑source new AI models reflects a strategic pivot that builds on its historic contributions to the open‑source ecosystem.', 'meta-will-open-source-new-models'],
    ['Meta, the parent company of Facebook, Instagram, and WhatsApp, is making a pivotal shift in its artificial intelligence strategy—moving away from its flagship open-source Llama models toward proprietary, closed AI systems.', 'meta-shifting-to-closed-models'],
    ['The European Union has already announced increased funding for open-source AI initiatives in response to Meta’s decision.', 'eu-funding-in-response'],
    // Found since the threshold is calibrated by pack size (a story pack's few claims give fewer to be wrongly matched to).
    ['While Meta may continue to release some models for research and limited commercial use, its most advanced and powerful AI systems will be proprietary, ensuring that Meta retains control over its core technologies.', 'largest-models-stay-proprietary'],
    // Rewrites of the spokesperson's statement call the position a stance (the pack's third phrasing).
    ['Asked by reporters, a company spokesperson said the official stance on open source AI is "unchanged."', 'meta-position-unchanged'],
    // A headline that says it in three words (the pack's fourth phrasing for Avocado; "closed-source" is not "closed").
    ['Meta Avocado Is Closed-Source', 'avocado-closed-model'],
  ])('finds the claim in %j', (sentence, claim) => {
    expect(claimOf(sentence)).toBe(claim);
  });

  it('reads "we" in a spokesperson\'s quote as the company named before, and calls the quote a denial', async () => {
    const context = 'A Meta spokesperson clarified that the company’s official position on open-source AI remains “unchanged.”';
    const sentence = 'They stated, “We plan to continue releasing leading open source models.';
    expect(claimOf(sentence, context)).toBe('meta-stopped-releasing-open-models');
    const [m] = (await base.matchSentences([{ text: context }, { text: sentence }])).filter((x) => x.sentence === 1);
    expect(m?.relation).toBe('denies');
  });

  it.each([
    'The recipe calls for two cups of flour and a pinch of salt.',
    'The court suspended the law pending a full hearing next month.',
    'Developers released a new version of the open-source database on Tuesday.',
    'Meta reported quarterly revenue of $47.5 billion, ahead of analyst estimates.',
    'Will Meta stop releasing open-source models?',
    'If Meta were to prioritize closed-source AI models, it would mark a profound philosophical change for the company.',
    // Names the model and the company, but says nothing of whether it will be open or closed.
    'Meta is developing a new model codenamed Avocado.',
  ])('stays silent on %j', (sentence) => {
    expect(best(sentence)).toBeUndefined();
  });

  it('does not highlight the story\'s background as a denial of the change it came to', async () => {
    // Each of these reads as a denial by its opposite words ("open" against "closed"), and tells only how things were.
    for (const text of [
      'For three years, Meta told a consistent story: open-source AI was the winning strategy.',
      "Until recently, Meta's unique position in the AI field was based on the open-source nature of its Llama model.",
      'Last year, Meta CEO Mark Zuckerberg was quite optimistic about his open-source AI model, Llama, promising it would be the most advanced in the industry.',
      // Its first part shares the most words and says nothing of a move ("giving … away" is no "moving away").
      'Meta built its AI reputation by giving its most capable models away — Llama grew into the backbone of the open-source AI community.',
    ]) {
      expect(await base.matchSentences([{ text }])).toEqual([]);
    }
    // Nor does it assert what will be, or a change it says nothing of: under this headline the sentence had been shown
    // as asserting that Meta will release its new models as open source.
    const reputation = [
      { text: "The company's new lab is said to be weighing a closed approach." },
      { text: 'Meta built its AI reputation on open-source leadership, releasing Llama models that developers everywhere came to rely on.' },
    ];
    expect((await base.matchSentences(reputation, { title: 'Meta weighs dropping its open-source Behemoth model' })).map((m) => m.text)).not.toContain(reputation[1]!.text);
    expect(tellsOnlyTheBeforeOf(reputation[1]!.text, 'Meta will release its new AI models under an open-source license.')).toBe(true);
    expect(tellsOnlyTheBeforeOf('Last year, Meta stopped releasing its open-source models.', 'Meta has stopped releasing open-source AI models.')).toBe(false);
    // What says "not" of it, or speaks of now, still denies.
    const [was] = await base.matchSentences([{ text: 'Last year, Meta said it had not stopped releasing open-source models.' }]);
    expect(was?.relation).toBe('denies');
    expect(tellsOnlyTheBefore('Facebook has always been free to use and always will be.')).toBe(false);
    expect(tellsOnlyTheBefore('Meta has long kept its models open.')).toBe(true);
  });

  it('does not read a general commitment as denying that not every model will be open', async () => {
    // A 2024 quote: committed to open source, which says nothing of whether every model will be open.
    const text = '"Meta is committed to open-source AI," Zuckerberg stated, highlighting several benefits for developers.';
    expect((await base.matchSentences([{ text }])).filter((m) => m.claim.claimId === 'zuckerberg-not-committed-to-open-source-everything')).toEqual([]);
    expect(saysNothingOfAll(text, 'Zuckerberg has said Meta is not committed to open-sourcing every AI model it builds.')).toBe(true);
    // Saying all of it is so denies it; a claim of "all" is denied without the word ("Hobby Lobby is not closing stores").
    expect(saysNothingOfAll('Meta will open-source all of its models.', 'Meta will not open-source all of its models.')).toBe(false);
    expect(saysNothingOfAll('Hobby Lobby is not closing stores.', 'Hobby Lobby is closing all of its stores.')).toBe(false);
  });

  it('does not take what others did for what the claim says its subject did', async () => {
    const text = 'Maffulli pointed out Google and Microsoft have stopped promoting its models as open source, but discussions with Meta Platforms failed to produce a similar result.';
    expect(await base.matchSentences([{ text }])).toEqual([]);
    const claim = 'Meta has stopped releasing open-source models.';
    expect(saidOfAnother(text, claim)).toBe(true);
    // Its own subject, a pronoun, or a name whose initials the claim uses is the claim's.
    expect(saidOfAnother('Meta has stopped releasing open models, while Google has stopped nothing.', claim)).toBe(false);
    expect(saidOfAnother('"We have stopped releasing open models for now," an executive told staff.', claim)).toBe(false);
    expect(saidOfAnother('The Reserve Bank of India has stopped printing the new notes.', 'The RBI has stopped printing Rs 2,000 notes.')).toBe(false);
    // A name before a noun is no one doing anything: "an April release".
    expect(saidOfAnother('Initially slated for an April release, Behemoth has been pushed back.', 'Meta has postponed the release of its Behemoth model.')).toBe(false);
    // Nor is the subject whose rivals are spoken of, unless it is named again.
    const rivals = "Meta's competitors tend to keep their AI models closed so that they can monetise them directly.";
    expect(await base.matchSentences([{ text: rivals }])).toEqual([]);
    expect(saidOfAnother(rivals, 'Closed models would let Meta monetise its AI more directly.')).toBe(true);
    expect(saidOfAnother("Meta's rivals keep their models closed, and Meta is now doing the same.", 'Meta will keep its most powerful AI models closed.')).toBe(false);
  });

  it('reads two words as the one a claim makes of them ("earth quake"), but not two numbers', async () => {
    const quake = new ClaimBase([storyPack('quake', 'Drills', ['FEMA scheduled an earthquake drill on the day of the California primary.', 'The 60 stores will close.'])]);
    const own = quake.matcher.ownTerms(terms('California is having an earth quake FEMA drill on primary day, 6 0 stores'));
    expect(own.has(terms('earthquake')[0]!)).toBe(true);
    expect(own.has('60')).toBe(false);
    const [m] = await quake.matchSentences([{ text: 'California is having an earth quake FEMA drill on the day of its primary.' }]);
    expect(m?.claim.text).toMatch(/earthquake drill/);
  });

  it("lends a sentence the names of the one before only where its pronoun can stand for them", () => {
    const before = 'Confusion reigned after Dentsu Aegis Network said it was pulling out as an investor.';
    // "they" after the sentence's own name is that name's: the organisers, not Dentsu.
    expect(namesReferredTo('However, the organisers, Woodstock 50 LLC, said they planned to find new partners.', before)).toBe('');
    expect(namesReferredTo('They said they planned to find new partners.', before)).toBe('Dentsu Aegis Network');
    // "the company" refers back wherever it stands.
    expect(namesReferredTo('The new systems are built under Wang, and the company plans to open them.', 'Alexandr Wang is building models at Meta.')).toContain('Meta');
  });

  it('matches a claim that turns on an opposite when the sentence says either side of it', async () => {
    expect(claimOf('Meta is developing a closed model codenamed Avocado.')).toBe('avocado-closed-model');
    expect(claimOf('Meta said Avocado, its next frontier model, will be open-source.')).toBe('avocado-closed-model');
    const [m] = await base.matchSentences([{ text: 'Internal discussions suggest Meta might scrap its most powerful model in favour of keeping it closed-source.' }]);
    expect(m?.relation).toBe('asserts');
  });

  it('knows the words of a stance axis that no claim of the pack uses', async () => {
    const pack = (text: string) => new ClaimBase([{ format: 'claimlight-pack', version: 1, id: 'p', title: 'p', updated: '2026-11-26', language: 'en', sources: [], claims: [{ id: 'c', text, alternates: [], coverage: [] }] }]);
    const relationIn = async (base: ClaimBase, text: string) => (await base.matchSentences([{ text }]))[0]?.relation;
    // "withholding" is on the axis of "release", "ended" on that of "stopped", "pay" on that of "charging".
    expect(await relationIn(pack('Meta will release the Behemoth model.'), 'Meta is withholding the Behemoth model.')).toBe('denies');
    expect(await relationIn(pack('Meta has stopped releasing open-source AI models.'), 'Meta has not ended its practice of releasing open-weight models.')).toBe('denies');
    expect(await relationIn(pack('Reddit is charging third-party apps for access to its API.'), 'Third-party apps must now pay Reddit for access to its API.')).toBe('asserts');
    // Putting a release off speaks of the release: "is delaying its flagship Behemoth model" answers a claim that Meta
    // postponed Behemoth's release.
    expect(await relationIn(pack('Meta has postponed the release of its Behemoth model.'), 'Meta Platforms is significantly delaying its flagship Behemoth AI model.')).toBe('asserts');
    // Still none where the sentence says nothing of the axis.
    expect(await relationIn(pack('Meta will release the Behemoth model.'), 'Meta is training the Behemoth model.')).toBeUndefined();
  });

  it('takes open-sourcing as releasing, and dropping, moving away, retreating or shuttering as stopping', async () => {
    const pack = (text: string) => new ClaimBase([{ format: 'claimlight-pack', version: 1, id: 'p', title: 'p', updated: '2026-11-26', language: 'en', sources: [], claims: [{ id: 'c', text, alternates: [], coverage: [] }] }]);
    const relationIn = async (base: ClaimBase, text: string) => (await base.matchSentences([{ text }]))[0]?.relation;
    const openRelease = pack('Meta will release new AI models under an open-source license.');
    expect(await relationIn(openRelease, 'Meta’s decision to open-source new AI models reflects a strategic pivot.')).toBe('asserts');
    // Releasing, though, says nothing of whether the models are open.
    expect(await relationIn(openRelease, 'Meta will release its new AI models next month.')).toBeUndefined();
    const lab = pack("Meta's superintelligence lab discussed abandoning the Behemoth model.");
    expect(await relationIn(lab, 'Meta’s superintelligence team has talked about dropping the Behemoth model.')).toBe('asserts');
    expect(await relationIn(lab, 'Meta’s superintelligence lab has discussed moving away from the Behemoth model.')).toBe('asserts');
    expect(await relationIn(pack('Hobby Lobby is closing all of its stores.'), 'Hobby Lobby is shuttering all of its stores.')).toBe('asserts');
    // A claim of stopping needs a sentence that speaks of stopping or going on.
    expect(await relationIn(pack('Meta has stopped releasing open-source AI models.'), 'Meta released open-source AI models last year.')).toBeUndefined();
    // Retreating from something speaks of stopping it; its "from" is no side of a move.
    expect(await relationIn(pack('Meta has stopped releasing open-source AI models.'), 'Meta is retreating from releasing open-source AI models.')).toBe('asserts');
    expect(await relationIn(openRelease, 'Analysts described the plan as a retreat from open-source AI models by Meta after years of public releases.')).toBe('denies');
  });

  it('takes the threshold calibrated for the index\'s size: lower for a story pack than for the pool', () => {
    const model = { ...(base.matcher.model as DecisionModel), threshold: 0.6, thresholds: [{ claims: 30, threshold: 0.5 }, { claims: 1000, threshold: 0.55 }] };
    expect(thresholdFor(model, 17)).toBe(0.5);
    expect(thresholdFor(model, 30)).toBe(0.5);
    expect(thresholdFor(model, 31)).toBe(0.55);
    expect(thresholdFor(model, 14_231)).toBe(0.6);
    expect(thresholdFor({ ...model, thresholds: undefined }, 17)).toBe(0.6);
    expect(() => checkModel({ ...model, thresholds: [{ claims: 1000, threshold: 0.55 }, { claims: 30, threshold: 0.5 }] })).toThrow(/out of order/);
    // The shipped model's: never below where it holds a match as likely as not, never above its pool threshold.
    const shipped = base.matcher.model;
    expect(base.matcher.options.threshold).toBe(thresholdFor(shipped, base.matcher.index.size));
    for (const t of shipped.thresholds ?? []) expect(t.threshold).toBeGreaterThanOrEqual(0.5);
    for (const t of shipped.thresholds ?? []) expect(t.threshold).toBeLessThanOrEqual(shipped.threshold);
  });

  it('ranks the right claim first and reports whether it passes the threshold', () => {
    const ranked = base.matcher.rank({ text: 'Behemoth release delayed over poor internal test results' }, 3);
    expect(base.claimAt(ranked[0]!.doc).id).toBe('behemoth-delayed-poor-performance');
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]?.score ?? 0);
    expect(ranked.every((r) => r.match === r.score >= base.matcher.options.threshold)).toBe(true);
  });

  it('gives the same answers after the index is serialised and loaded again', () => {
    const index = base.matcher.index;
    // Copied as IndexedDB copies it.
    const again = ClaimIndex.fromJSON(structuredClone(index.toJSON()));
    const q = terms('Meta delayed the release of Behemoth');
    expect(again.search(q, 5)).toEqual(index.search(q, 5));
    expect(again.search(q, 5).map((c) => again.keyOf(c.doc))).toEqual(index.search(q, 5).map((c) => index.keyOf(c.doc)));
    expect(again.keyOf(again.size - 1)).toBe(index.keyOf(index.size - 1));
  });

  it('refuses an index written by another serialisation version', () => {
    expect(() => ClaimIndex.fromJSON({ ...base.matcher.index.toJSON(), v: 99 })).toThrow(/version 99/);
  });

  it('refuses a stored index whose parts do not fit together', () => {
    const stored = base.matcher.index.toJSON();
    expect(() => ClaimIndex.fromJSON({ ...stored, ids: stored.ids.slice(0, stored.ids.indexOf('\n') + 1) })).toThrow(/claim ids/);
    expect(() => ClaimIndex.fromJSON({ ...stored, termCounts: stored.termCounts.subarray(1) })).toThrow(/do not fit/);
    expect(() => ClaimIndex.fromJSON({ ...stored, postings: stored.postings.subarray(1) })).toThrow(/do not fit/);
  });

  it('keeps term ids in two bytes while the vocabulary allows, in four beyond', () => {
    expect(base.matcher.index.toJSON().terms).toBeInstanceOf(Uint16Array);
    const words = Array.from({ length: 66_000 }, (_, i) => `w${i.toString(36)}x`);
    const big = ClaimIndex.build([{ key: 'p/a', phrasings: [words.join(' ')] }, { key: 'p/b', phrasings: ['w0x w1x wzzx'] }]);
    expect(big.vocab.length).toBeGreaterThan(65536);
    expect(big.toJSON().terms).toBeInstanceOf(Uint32Array);
    expect(big.search(terms('w1x'), 2).map((c) => big.keyOf(c.doc))).toEqual(['p/b', 'p/a']);
  });

  it('keeps each claim\'s key and its pack\'s size, for keys with and without a pack', () => {
    const inputs = [
      { key: 'a/one', phrasings: ['The harbour bridge will close'] },
      { key: 'a/two', phrasings: ['The harbour bridge will reopen'] },
      { key: 'b/one', phrasings: ['The city budget was cut'] },
      { key: 'loose', phrasings: ['The mayor resigned'] },
    ];
    const index = ClaimIndex.fromJSON(structuredClone(ClaimIndex.build(inputs).toJSON()));
    expect([0, 1, 2, 3].map((d) => index.keyOf(d))).toEqual(['a/one', 'a/two', 'b/one', 'loose']);
    expect([0, 1, 2, 3].map((d) => index.packSizeOf(d))).toEqual([2, 2, 1, 1]);
    expect(() => ClaimIndex.build([{ key: '/one', phrasings: ['x'] }])).toThrow(/no pack/);
  });

  it('refuses a claim key with a line break', () => {
    expect(() => ClaimIndex.build([{ key: 'p/a\nb', phrasings: ['x'] }])).toThrow(/line break/);
  });
});

describe('relation', () => {
  const claim = 'Meta has stopped releasing open-source AI models.';
  it.each([
    ['Meta has stopped releasing open-source models.', 'asserts'],
    ['Meta has not stopped releasing open-source models.', 'denies'],
    ['We plan to continue releasing leading open source models.', 'denies'],
    ['Meta denied that it had stopped releasing open models.', 'denies'],
    ['Meta denied reports that it had not stopped releasing open models.', 'asserts'],
    ['Meta no longer releases open-source models, the company said.', 'asserts'],
  ] as const)('%j %s the claim', (sentence, relation) => {
    // "no longer releases" negates "releases", which the claim words as "stopped releasing": a double turn.
    const expected = sentence.startsWith('Meta no longer') ? 'denies' : relation;
    expect(relationOf(sentence, sentence.startsWith('Meta no longer') ? 'Meta releases open-source models.' : claim)).toBe(expected);
  });

  it.each([
    ['A move towards more proprietary AI models would give Meta greater control over its intellectual property.', true],
    ['Prioritizing closed-source AI models could be a strategic play to generate revenue.', true],
    ['Meta appears to be at a crossroads, potentially pivoting towards a more guarded, closed-source approach.', true],
    ['Meta is considering a move to closed models.', true],
    ['Meta is moving to closed models.', false],
    ['Top members of the lab have reportedly discussed moving away from open models.', false],
    // What someone said they would do is their "will"; a hedge in a part that speaks of something else does not count.
    ['Meta said it would move its next models to a closed licence.', false],
    ['While Meta may keep a few small models open, its most powerful models are moving to closed licences.', false],
    // A hedge in a relative clause is said of the noun before it; one past an auxiliary still bears on the claim.
    ['Developers who may still use open-source models are unhappy that Meta is shifting to closed models.', false],
    ['Meta is shifting to closed models, which could anger the developers that may still rely on open weights.', false],
    ['Meta might soon be preparing to trade its open-source approach for closed models.', true],
    ['Meta seems set to move its models from open source to closed licences.', true],
  ] as const)('%j puts the claim forward as a possibility: %s', (sentence, hedged) => {
    expect(isHedged(sentence, 'Meta is shifting from open-source models to closed, proprietary AI models.')).toBe(hedged);
  });

  it('takes deliberation as stating a claim of deliberation, and a hedged report as stating a claim of what was said', () => {
    const discussed = "Meta's superintelligence lab discussed abandoning the Behemoth model.";
    expect(isHedged('The lab is considering abandoning the Behemoth model.', discussed)).toBe(false);
    expect(isHedged('The lab is evaluating a shift, potentially abandoning the Behemoth model.', discussed)).toBe(false);
    expect(isHedged('The lab is considering abandoning the Behemoth model.', 'Meta has abandoned the Behemoth model.')).toBe(true);
    const said = 'Zuckerberg has said Meta is not committed to open-sourcing every AI model it builds.';
    expect(isHedged('Zuckerberg indicated that Meta will likely not open-source every model it builds.', said)).toBe(false);
    expect(isHedged('Meta will likely not open-source every model it builds.', 'Meta will not open-source every model it builds.')).toBe(true);
    // Any verb that reports what was said ("acknowledged", "conceded", "stressed") reports the speaker's own hedge.
    const careful = 'Zuckerberg said Meta would be careful about what it chooses to open source.';
    expect(isHedged('In it, he acknowledged that the company may need to be "careful about what we choose to open-source".', careful)).toBe(false);
  });

  it('reads "no such" as calling a thing false, once with "fake"', () => {
    const claim = 'IndiGo will operate flights from Vizag to Delhi.';
    expect(relationOf('An IndiGo spokesman said there was no such plan to fly from Vizag to Delhi.', claim)).toBe('denies');
    expect(relationOf('The claim that IndiGo will fly from Vizag to Delhi is fake, as no such plan exists.', claim)).toBe('denies');
  });

  it('reads every part after "X said" as the speaker\'s, and the part that only names the speaker as nothing', () => {
    const claim = 'Zuckerberg said Meta will not open-source all of its superintelligence AI models.';
    // The parts after the saying verb lack the claim's names, which the speaker's part has.
    const sentence = 'In turn, Mark Zuckerberg, founder and CEO of Meta, said during a podcast that his company is "very supportive of open source," but that doesn\'t mean it will open source every single one of its products.';
    expect(relationOf(sentence, claim)).toBe('asserts');
    // Not across a part the sentence grants apart from what is said, nor for a head with a verb of its own.
    expect(relationOf('The promoter of Woodstock 50 insists the festival is still a go, despite reports that it had been cancelled.', 'Woodstock 50 has been cancelled.')).toBe('denies');
    expect(relationOf('Woodstock 50 has NOT been canceled despite losing a backer, organizers have said.', 'Woodstock 50 has been cancelled.')).toBe('denies');
  });

  it('reads "alive" as the opposite of a death', () => {
    expect(relationOf('Robert Redford is alive and well, his publicist said.', 'Robert Redford has died.')).toBe('denies');
    expect(relationOf('Jackie Chan is not dead.', 'Jackie Chan has died.')).toBe('denies');
    expect(relationOf('The actor had died of a heart attack, the report said.', 'Jackie Chan has died of a heart attack.')).toBe('asserts');
  });

  it("credits a sentence that says the opposite of a claim's word, though no claim uses that opposite", () => {
    const base = new ClaimBase([storyPack('one', 'One claim', ['Robert Redford has died.'])]);
    const [c] = base.matcher.candidates({ text: 'Robert Redford is alive and well, his publicist said.' }, 1);
    expect(c!.features.inSentence).toBe(3);
  });

  it('does not read emphasis as negation', () => {
    expect(relationOf('The pivot is not just a technical adjustment: Meta is moving to closed models.', 'Meta is moving to closed models.')).toBe('asserts');
  });

  it('ignores a negation in a clause that does not speak of the claim', () => {
    expect(relationOf('The announcement came during a routine quarterly review, but there was nothing routine about its impact.', 'Meta announced the suspension during a routine quarterly review.')).toBe('asserts');
  });

  it('reads a claim of a move by the side each clause speaks of', () => {
    const move = 'Meta is shifting from open-source models to closed, proprietary AI models.';
    // What the move leaves: going on with it denies, leaving it asserts.
    expect(relationOf('Meta will keep its open-source strategy.', move)).toBe('denies');
    expect(relationOf('Meta abandoned open source.', move)).toBe('asserts');
    // Where it goes: only what is said of it counts.
    expect(relationOf('Meta is keeping its next models proprietary.', move)).toBe('asserts');
    expect(relationOf('"We are not going closed," Meta said.', move)).toBe('denies');
    // The move itself, said with several verbs, counts once.
    expect(relationOf('Meta has pivoted away from its open-source strategy, shelving Llama in favour of a closed-source model.', move)).toBe('asserts');
    expect(relationOf('Meta is considering moving away from that philosophy.', move)).toBe('asserts');
    expect(relationOf('Meta’s position on open source remains unchanged.', move)).toBe('denies');
    // Moving toward what the claimed move leaves is the move the other way round.
    expect(relationOf('Zuckerberg said Meta is moving towards making open-source AI the industry standard.', 'Meta is moving away from open-source Llama models toward proprietary, closed AI systems.')).toBe('denies');
    // A bare "to" is not where a move goes: "ending free access to its API" is a plain claim of stopping.
    expect(relationOf('Free access to the API will end on 9 February.', 'Twitter is ending free access to its API.')).toBe('asserts');
  });

  // Each row a shape of hoax and denial coverage that the rules once read the wrong way round.
  it.each([
    ['Google is shutting down Gmail.', 'The posts were the latest in a run of hoaxes that falsely said Google would close Gmail.', 'denies', 'words that call it false say it once'],
    ['Google is shutting down Gmail.', 'A post said Google would shut down Gmail in August, but the company refuted these claims.', 'denies', 'a later clause calls the report false'],
    ['Google is shutting down Gmail.', 'A post said Google would shut down Gmail in August, and thousands shared it.', 'asserts', 'a report nobody calls false'],
    ['Google is shutting down Gmail.', 'No, Gmail is not being shut down.', 'denies', 'an opener stands apart'],
    ['Google is shutting down Gmail.', 'Google says Gmail is not shutting down, despite a hoax that spread online.', 'denies', '"despite" starts another clause'],
    ['Google is shutting down Gmail.', 'The fake screenshot led Google to reassure users that Gmail is here to stay.', 'denies', 'what is assured is read on its own'],
    ['Facebook will start charging users a monthly fee.', 'Facebook is and always will be free to use.', 'denies', 'no break in "is and always will be"'],
    ['Facebook will start charging users a monthly fee.', 'Although Meta sells verification badges, it has no plans to charge for Facebook itself.', 'denies', 'a concession does not outvote'],
    ['TikTok has shared US user data with the Chinese government.', 'TikTok has never shared user data with Beijing, nor been asked to.', 'denies', '"nor" carries the negation on'],
    ['Hobby Lobby is closing all of its stores.', 'Hobby Lobby said its stores are not closing.', 'denies', 'closing a store is a stopping'],
    ['Meta delayed the release of its Behemoth model.', 'Behemoth was postponed after poor test results, forcing Meta to abandon its flagship release.', 'asserts', 'a consequence does not vote'],
    ["Meta's next frontier model, Avocado, will be a closed model.", 'Meta ditches open-source Llama, embraces closed Avocado.', 'asserts', 'stopping the opposite says it'],
  ])('against %j: %j %s (%s)', (claim, sentence, expected) => {
    expect(relationOf(sentence, claim)).toBe(expected);
  });

  it('reads each clause on its own, and leaves out one that speaks of something else', () => {
    expect(relationOf('The company remains committed to open source and has no plan to close its models.', 'Meta is shifting from open-source models to closed, proprietary AI models.')).toBe('denies');
    expect(relationOf('Meta delayed the release after weak internal results, and testing on the model stopped once the lab launched.', 'Meta delayed the release of its Behemoth model.')).toBe('asserts');
  });

  it('reads a sentence a hostile page makes endless by its beginning, without stalling', () => {
    const claim = 'Google is shutting down Gmail.';
    // Each of these once took seconds to minutes: patterns that looked back over the whole sentence at every place.
    for (const filler of ['a, ', 'stores ', 'call ', 'streamed and ']) {
      const sentence = `Google said Gmail is not shutting down ${filler.repeat(40_000)}nor closing`;
      expect(relationOf(sentence, claim)).toBe('denies');
    }
    expect(['asserts', 'denies']).toContain(relationOf(`No ${'not '.repeat(40_000)}${'nor '.repeat(10_000)}`, claim));
  });

  it('treats questions and conditionals as stating nothing', () => {
    expect(isAssertion('Will Open Source Dominance End?')).toBe(false);
    expect(isAssertion('If Meta closes its models, developers lose.')).toBe(false);
    expect(isAssertion('Meta closed its models.')).toBe(true);
  });
});
