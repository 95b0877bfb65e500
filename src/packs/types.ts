/** Claim pack format v1: the data Claimlight ships and subscribes to. See README "Claim packs". */

export type Stance = 'supports' | 'refutes' | 'mixed';
export const STANCES: readonly Stance[] = ['supports', 'refutes', 'mixed'];

export type SourceKind = 'report' | 'statement' | 'fact-check' | 'opinion' | 'primary';
export const SOURCE_KINDS: readonly SourceKind[] = ['report', 'statement', 'fact-check', 'opinion', 'primary'];

export interface PackSource {
  /** Unique within the pack; coverage items refer to it. */
  id: string;
  /** Who published it, as a reader knows them ("The New York Times", "Meta spokesperson via TechCrunch"). */
  outlet: string;
  /** Where to read it; absent when the source is not online, and then `title` says what it is. */
  url?: string;
  /** The headline, or a description of the source when it has none. */
  title?: string;
  /** Publication date, ISO 8601 (a date or a date-time). */
  published?: string;
  kind?: SourceKind;
}

/** On whose authority a source says what it says of a claim. */
export type Attribution = 'on-record' | 'anonymous' | 'primary' | 'fact-check' | 'opinion' | 'unattributed';
export const ATTRIBUTIONS: readonly Attribution[] = ['on-record', 'anonymous', 'primary', 'fact-check', 'opinion', 'unattributed'];

export interface Coverage {
  /** The id of a source of the same pack. */
  source: string;
  /** What the source says of the claim as the claim is worded. */
  stance: Stance;
  /** Why that stance: what in the source supports or refutes the claim. */
  note?: string;
  /**
   * On whose authority: a named person or a company's statement (on-record), unnamed people (anonymous), a
   * document itself (primary), a fact-check, an opinion, or no source given (unattributed). Optional; when absent,
   * the source's kind stands in (statement: on-record, primary, fact-check, opinion).
   */
  attribution?: Attribution;
}

export interface Rating {
  /** The fact-checker's own verdict text, kept as published. */
  label: string;
  /** The source (of the same pack) that gave the verdict. */
  source?: string;
}

export interface Claim {
  /** Unique within the pack. */
  id: string;
  /** The claim, stated positively ("Meta has stopped releasing open models", not "Meta has not ..."). */
  text: string;
  /** Other phrasings of the same claim, used only for matching. */
  alternates: string[];
  coverage: Coverage[];
  rating?: Rating;
  /**
   * When the claim circulated or was first checked (ISO 8601). Matching prefers claims dated near a page's date;
   * without it, the claim's earliest dated coverage stands in.
   */
  date?: string;
}

export interface Pack {
  format: 'claimlight-pack';
  version: 1;
  /** [a-z0-9-]+ */
  id: string;
  title: string;
  /** When the data was last brought up to date (ISO 8601): shown to readers as "data as of". */
  updated: string;
  /** BCP 47 language of the claims; "en" when the pack does not say. */
  language: string;
  sources: PackSource[];
  claims: Claim[];
}
