/** Below this width (a phone) a pie's slices are named by its legend only: outer labels would be cut off. */
export const NARROW_PX = 480;

type PieDatum = { name: string; value: number | null };
type Series = { type?: string; data?: unknown[] } & Record<string, unknown>;

/**
 * The option as drawn at `width`: a pie slice of 0 has no label (its label would sit on its
 * neighbours'), and on a narrow chart no slice has one.
 */
export function fitPieLabels<T extends object>(option: T, width: number): T {
  const series = (option as { series?: Series[] }).series;
  if (!Array.isArray(series) || !series.some((s) => s.type === 'pie')) return option;
  const hidden = { label: { show: false }, labelLine: { show: false } };
  return {
    ...option,
    series: series.map((s) =>
      s.type !== 'pie'
        ? s
        : width < NARROW_PX
          ? { ...s, ...hidden }
          : {
              ...s,
              data: (s.data as PieDatum[] | undefined)?.map((d) => (d.value ? d : { ...d, ...hidden })),
            },
    ),
  };
}
