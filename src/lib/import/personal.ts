/**
 * What the contract calls personal data, as column names and as value shapes. Column names are
 * read by meaning (their words); values are checked in SQL over the staged text (so it scales to a
 * million rows) with the RE2 patterns below. The decision built on these lives in `guard.ts`.
 */

/** Header → lower-case words: `Child's name` → child, s, name; `First name(s)` → first, name, s. */
function words(header: string): string[] {
	return header
		.toLowerCase()
		.replace(/[’`']/g, "'")
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}

/** Single words that mean personal data wherever they appear in a header. */
const personalWords = new Set([
	'forename', 'forenames', 'surname', 'surnames', 'firstname', 'firstnames', 'lastname', 'familyname', 'givenname', 'givennames',
	'middlename', 'middlenames', 'fullname', 'preferredname', 'legalname', 'nickname', 'dob', 'birthday', 'birthdate', 'dateofbirth',
	'upn', 'uln', 'upns', 'ulns', 'address', 'addresses', 'postcode', 'postcodes', 'postalcode', 'zip', 'email', 'emails', 'e-mail',
	'phone', 'phones', 'telephone', 'tel', 'mobile', 'landline', 'nhs', 'chi', 'ni', 'nino', 'passport', 'street', 'town'
]);

/** Word pairs that mean personal data: `date of birth`, `post code`, `e mail`, `first name`… */
const personalPhrases = [
	['date', 'of', 'birth'], ['birth', 'date'], ['post', 'code'], ['e', 'mail'], ['first', 'name'], ['last', 'name'], ['given', 'name'],
	['family', 'name'], ['middle', 'name'], ['full', 'name'], ['known', 'as'], ['unique', 'pupil', 'number'], ['unique', 'learner', 'number'],
	['contact', 'number'], ['national', 'insurance'], ['house', 'number']
];

/**
 * `name` on its own is personal (Name, Child's name, Pupil name, Legal name) unless the header says
 * what else is named: a school, an intervention, a file…
 */
const namedThings = new Set([
	'school', 'schools', 'intervention', 'interventions', 'provision', 'provisions', 'programme', 'program', 'group', 'class', 'measure',
	'assessment', 'test', 'course', 'file', 'sheet', 'setting', 'budget', 'funding', 'area', 'need', 'target', 'plan', 'subject',
	'activity', 'resource', 'role', 'team', 'trust', 'academy', 'scheme', 'tool', 'agency', 'service', 'stream', 'site', 'unit'
]);

export function isPersonalHeader(header: string): boolean {
	const w = words(header);
	if (!w.length) return false;
	const joined = w.join('');
	if (personalWords.has(joined) || w.some((x) => personalWords.has(x))) return true;
	const has = (phrase: string[]) => w.some((_, i) => phrase.every((p, j) => w[i + j] === p));
	if (personalPhrases.some(has)) return true;
	if (w.some((x) => x === 'name' || x === 'names')) return !w.some((x) => namedThings.has(x));
	return false;
}

export type PersonalKind = 'UPN' | 'ULN' | 'email address' | 'postcode' | 'phone number' | 'NHS number';

export interface ValuePattern {
	kind: PersonalKind;
	/** RE2 pattern for DuckDB's regexp_matches on the cell (case-sensitive). */
	sql: string;
	/** A further SQL check of the match (group 1 of `sql`), e.g. a check digit. */
	check?: (match: string) => string;
}

/** A ULN's last digit is a check digit: 10 − (Σ digit × weight 10…2 mod 11). Without it any 10-digit number would look like one. */
const ulnCheck = (m: string) => {
	const sum = Array.from({ length: 9 }, (_, i) => `${10 - i} * try_cast(substr(${m}, ${i + 1}, 1) AS INTEGER)`).join(' + ');
	return `(length(${m}) = 10 AND 10 - ((${sum}) % 11) = try_cast(substr(${m}, 10, 1) AS INTEGER))`;
};

// Real postcode areas: `Y4 2nd`, `KS2 1st` and `B2 3rd` (lower case) are year groups and ordinals, not postcodes.
const postcodeAreas =
	'AB|AL|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|BX|B|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|E|FK|FY|GL|GU|GY|G|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|L|ME|MK|ML|M|NE|NG|NN|NP|NR|NW|N|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|S|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|W|YO|ZE';

const edgeL = '(^|[^A-Za-z0-9])';
const edgeR = '([^A-Za-z0-9]|$)';

export const personalValuePatterns: ValuePattern[] = [
	// A UPN is a letter and 12 digits; a temporary UPN ends in a letter instead. Alone or inside text.
	{ kind: 'UPN', sql: `${edgeL}[A-Za-z][0-9]{11}[0-9A-Za-z]${edgeR}` },
	// A ULN is 10 digits, the first not 0 (phone numbers start with 0).
	{ kind: 'ULN', sql: `(?:^|[^0-9+])([1-9][0-9]{9})(?:[^0-9]|$)`, check: ulnCheck },
	{ kind: 'email address', sql: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}' },
	{ kind: 'postcode', sql: `${edgeL}(${postcodeAreas})[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}${edgeR}` },
	// UK numbers in the ways people write them: 020 7946 0958, +44 20 7946 0958, (01603) 704070,
	// +44 (0)1603 704070, 07700.900.123: a leading 0 or +44, then 9–10 digits with spaces, dots, dashes or brackets.
	{ kind: 'phone number', sql: `(^|[^0-9+])(\\+44[ .-]?(\\(0\\)[ .-]?)?\\(?[1-9]|\\(?0[1-9])([ .()-]{0,2}[0-9]){8,9}([^0-9]|$)` },
	// NHS numbers are written 3 3 4.
	{ kind: 'NHS number', sql: `(^|[^0-9])[0-9]{3}[ -][0-9]{3}[ -][0-9]{4}([^0-9]|$)` }
];

/** SQL that is true when the text `cell` (an SQL expression) holds the pattern's shape. */
export function valueHitSql(cell: string, p: ValuePattern): string {
	const quoted = `'${p.sql.replace(/'/g, "''")}'`;
	const matches = `regexp_matches(${cell}, ${quoted})`;
	return p.check ? `(${matches} AND ${p.check(`regexp_extract(${cell}, ${quoted}, 1)`)})` : matches;
}

/** Show that a value was found without showing it: first character, then dots. */
export function maskValue(value: string): string {
	const v = value.trim();
	return v.length <= 1 ? '•' : `${v[0]}${'•'.repeat(Math.min(v.length - 1, 10))}`;
}
