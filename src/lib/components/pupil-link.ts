import { resolve } from '$app/paths';
import { linkKeeping } from '../state/url-filters';

/**
 * The link to a pupil's whole story (the pupil page), keeping the date and view of the page it is on.
 * The pupil travels as a query parameter, not a path: the app is prerendered as static files, and
 * `/pupil` is one page that works offline for every pupil (a path per pupil would need a page per id).
 */
export function pupilHref(who: { school: string; pupil_id: string }, from: URL): string {
	const params = new URLSearchParams(linkKeeping('', from).replace(/^\?/, ''));
	params.set('school', who.school);
	params.set('pupil', who.pupil_id);
	return `${resolve('/pupil')}?${params}`;
}

/** The link to the transfer page (summary to print, file to download) of some pupils of one school, keeping the date and view. */
export function transferHref(school: string, pupils: string[], from: URL): string {
	const params = new URLSearchParams(linkKeeping('', from).replace(/^\?/, ''));
	params.set('school', school);
	params.set('pupils', pupils.join(','));
	return `${resolve('/transfer')}?${params}`;
}
