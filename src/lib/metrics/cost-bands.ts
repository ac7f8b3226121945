/**
 * EEF Teaching and Learning Toolkit cost rating of a cost per pupil per year (domain.md):
 * £ under £80; ££ up to £200; £££ up to £720; ££££ up to £1,200; £££££ over £1,200.
 */
export function costBand(perPupilPerYear: number | null): string | null {
	if (perPupilPerYear === null || Number.isNaN(perPupilPerYear)) return null;
	if (perPupilPerYear < 80) return '£';
	if (perPupilPerYear <= 200) return '££';
	if (perPupilPerYear <= 720) return '£££';
	if (perPupilPerYear <= 1200) return '££££';
	return '£££££';
}
