import type { UnknownStage } from '../../core/undecided-stages.js';

/**
 * Keeps what a deals file shows of the stages no rule knows per deal, not per row: a row the store
 * merges into a deal of the same id (a Bitrix24 product row, a repeated id) is taken back out of its
 * stage's counts, as if it had not been read. The stage question said «2 deals» of one deal of two
 * product rows (a tester), though the run counted it one deal.
 */
export class StageDeals {
  /** Each stage's counts before its last row: what a merged row is taken back to. */
  private readonly before = new Map<string, UnknownStage>();

  constructor(
    private readonly stages: Map<string, UnknownStage>,
    private readonly merged: () => number,
    /** The stage no rule knows the row just read counted in (none: a known stage). */
    private readonly stageOf: () => string | undefined,
  ) {}

  /** Gives a row's record on (`give`), then takes the row out of its stage's counts if the store merged it into a deal. */
  record(give: () => void): void {
    const merged = this.merged();
    give();
    const name = this.stageOf();
    const entry = name === undefined ? undefined : this.stages.get(name);
    if (name === undefined || entry === undefined) return;
    const before = this.before.get(name);
    if (this.merged() === merged) {
      if (before) Object.assign(before, entry);
      else this.before.set(name, { ...entry });
      return;
    }
    // The stage's first row merged into a deal of another stage: no deal of its own.
    if (!before) {
      this.stages.delete(name);
      return;
    }
    for (const key of Object.keys(entry) as Array<keyof UnknownStage>) if (!(key in before)) delete entry[key];
    Object.assign(entry, before);
  }
}
