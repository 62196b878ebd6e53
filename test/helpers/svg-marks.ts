import { Parser } from 'htmlparser2';

/** Data marks in a Vega SVG: paths of bar (mark-rect) and point (mark-symbol) groups, outside legends; and line paths. */
export function countMarks(svg: string): { bars: number; points: number; lines: number; scripts: number } {
  const stack: string[] = [];
  const out = { bars: 0, points: 0, lines: 0, scripts: 0 };
  new Parser({
    onopentag(name, attrs) {
      const inLegend = stack.some((c) => c.includes('role-legend'));
      if (name === 'script') out.scripts++;
      if (name === 'path' && !inLegend) {
        const group = [...stack].reverse().find((c) => c.includes('mark-'));
        if (group?.includes('mark-rect')) out.bars++;
        if (group?.includes('mark-symbol')) out.points++;
        if (group?.includes('mark-line')) out.lines++;
      }
      stack.push(attrs.class ?? '');
    },
    onclosetag() {
      stack.pop();
    },
  }, { xmlMode: true }).end(svg);
  return out;
}
