import { describe, expect, it } from 'vitest';
import { provisionWords } from './quantities';

// [words, intervention, delivered_by, sessions_per_week, minutes_per_session, group_size], worked out by hand.
const cases: [string, string, string, string, string, string][] = [
	['1:1 TA 10 mins daily', '1:1 TA 10 mins daily', 'TA', '5', '10', '1'],
	['Lego therapy group of 4, twice weekly, 30 mins, HLTA', 'Lego therapy', 'HLTA', '2', '30', '4'],
	['Lego therapy group of 4, twice a week, 45 minutes, HLTA', 'Lego therapy', 'HLTA', '2', '45', '4'],
	['Precision Teaching, 10 minutes a day, TA', 'Precision Teaching', 'TA', '5', '10', ''],
	['ELSA sessions weekly', 'ELSA', '', '1', '', ''],
	['Speech and language programme from SALT, 3 times a week for 20 minutes, 1:1', 'Speech and language programme from SALT', 'External', '3', '20', '1'],
	['Social skills small group', 'Social skills small group', '', '', '', ''],
	['Phonics catch-up, 3x weekly, 20-30 minutes, group of three', 'Phonics catch-up', '', '3', '', '3'],
	['Reading with class teacher twice daily, 10 mins', 'Reading with class teacher', 'Teacher', '10', '10', ''],
	['Fine motor group: 6 pupils, half an hour, fortnightly', 'Fine motor group', '', '0.5', '30', '6'],
	['Nurture group an hour each afternoon', 'Nurture group', '', '5', '60', ''],
	['Sensory circuit 10 mins daily and movement break 5 mins daily', 'Sensory circuit and movement break', '', '5', '', ''],
	['Paired reading, weekly, 15 mins, LSA', 'Paired reading', 'TA', '1', '15', '2'],
	['Support from SENDCo and TA as needed', 'Support from SENDCo and TA as needed', '', '', '', ''],
	['Toe by Toe one to one, 1 hour per week', 'Toe by Toe', '', '1', '60', '1'],
	['Visual timetable', 'Visual timetable', '', '', '', ''],
	['Worry box and check-in with the class teacher, daily, 5 minutes', 'Worry box and check-in with the class teacher', 'Teacher', '5', '5', ''],
	['Precision Teaching: 1:1 TA 10 mins daily', 'Precision Teaching', 'TA', '5', '10', '1'],
	['Toe by Toe: 1:1 with a TA, 4 times a week, 15 minutes', 'Toe by Toe', 'TA', '4', '15', '1'],
	['Touch-typing, twice a week, 25 minutes, TA, group of 4', 'Touch-typing', 'TA', '2', '25', '4']
];

describe('provision words to quantities', () => {
	it.each(cases)('%s', (words, intervention, delivered_by, sessions_per_week, minutes_per_session, group_size) => {
		expect(provisionWords(words)).toEqual({ intervention, delivered_by, sessions_per_week, minutes_per_session, group_size });
	});
});
