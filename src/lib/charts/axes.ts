/**
 * Axis titles sit centred along their axis, inside the chart, with no arrow pointing past its end
 * (Plot's default puts the x title at the far right, where it ran past the axis or was cut).
 */
export const AXIS_TITLE = { labelAnchor: 'center', labelArrow: 'none' } as const;
/** Room below the frame for tick labels and, under them, a centred axis title at 13px. */
export const X_TITLE_MARGIN = 46;
/** Room left of the frame for short tick labels (up to "100") and a rotated axis title at 13px. */
export const Y_TITLE_MARGIN = 58;

/** "43%" for a share of 0–1. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;
/** "£1,200" for an amount in pounds. */
export const pounds = (gbp: number) => `£${Math.round(gbp).toLocaleString('en-GB')}`;
