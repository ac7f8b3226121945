import type * as Plot from '@observablehq/plot';
import type national from '../../../data/national.json';
import type { Filters } from '../metrics/scope';

/** The shapes of a governors' report: written by the sections, read by the views and the honesty reader. */
export interface ReportTable {
	caption: string;
	columns: string[];
	rows: string[][];
}
export interface ReportChart {
	id: string;
	alt: string;
	spec: Plot.PlotOptions;
}
export interface ReportSection {
	id: string;
	title: string;
	paragraphs: string[];
	tables: ReportTable[];
	charts: ReportChart[];
	/** Points the SENDCo may edit before printing. */
	points?: string[];
}
export interface Report {
	title: string;
	school: string;
	period: string;
	asOf: string;
	/** What narrows the report beyond its school and period (a key stage, a funding stream…), in words; null for all its pupils. */
	narrowedTo?: string | null;
	suppressionNote: string;
	sections: ReportSection[];
	suppressed_cells: number;
	national: typeof national;
}

export interface ReportOptions {
	school: string | null;
	academicYear: string;
	term: Filters['term'];
	asOf: string;
	/** Filters beyond school and period, in words (see `narrowing`). */
	narrowedTo?: string | null;
	threshold: number;
	/** Number on roll, when the SENDCo enters it. */
	roll?: number | null;
	/** Last period's register, when entered: pupils at SEN support (K) and with EHC plans (E). */
	previous?: { K: number | null; E: number | null };
}
