import { describe, expect, it } from 'vitest';
import { costBand } from './cost-bands';

describe('EEF cost band', () => {
	it('places the edges as the toolkit does', () => {
		expect([0, 79.99, 80, 200, 200.01, 720, 721, 1200, 1200.01, null].map(costBand)).toEqual(['£', '£', '££', '££', '£££', '£££', '££££', '££££', '£££££', null]);
	});
});
