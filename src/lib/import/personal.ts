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
	'forename',
	'forenames',
	'surname',
	'surnames',
	'firstname',
	'firstnames',
	'lastname',
	'familyname',
	'givenname',
	'givennames',
	'middlename',
	'middlenames',
	'fullname',
	'preferredname',
	'legalname',
	'nickname',
	'dob',
	'birthday',
	'birthdate',
	'dateofbirth',
	'upn',
	'uln',
	'upns',
	'ulns',
	'address',
	'addresses',
	'postcode',
	'postcodes',
	'postalcode',
	'zip',
	'email',
	'emails',
	'e-mail',
	'phone',
	'phones',
	'telephone',
	'tel',
	'mobile',
	'landline',
	'nhs',
	'chi',
	'ni',
	'nino',
	'passport',
	'street',
	'town'
]);

/** Word pairs that mean personal data: `date of birth`, `post code`, `e mail`, `first name`… */
const personalPhrases = [
	['date', 'of', 'birth'],
	['birth', 'date'],
	['post', 'code'],
	['e', 'mail'],
	['first', 'name'],
	['last', 'name'],
	['given', 'name'],
	['family', 'name'],
	['middle', 'name'],
	['full', 'name'],
	['known', 'as'],
	['unique', 'pupil', 'number'],
	['unique', 'learner', 'number'],
	['contact', 'number'],
	['national', 'insurance'],
	['house', 'number']
];

/**
 * `name` on its own is personal (Name, Child's name, Pupil name, Legal name) unless the header says
 * what else is named: a school, an intervention, a file…
 */
const namedThings = new Set([
	'school',
	'schools',
	'intervention',
	'interventions',
	'provision',
	'provisions',
	'programme',
	'program',
	'group',
	'class',
	'measure',
	'assessment',
	'test',
	'course',
	'file',
	'sheet',
	'setting',
	'budget',
	'funding',
	'area',
	'need',
	'target',
	'plan',
	'subject',
	'activity',
	'resource',
	'role',
	'team',
	'trust',
	'academy',
	'scheme',
	'tool',
	'agency',
	'service',
	'stream',
	'site',
	'unit'
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

export type PersonalKind = 'UPN' | 'ULN' | 'email address' | 'postcode' | 'phone number' | 'NHS number' | 'date of birth' | 'address';

/** The kind with its article, for a sentence: "a postcode", "an NHS number", "an address". */
export function aKind(kind: PersonalKind): string {
	return `${/^(address|email|NHS)/.test(kind) ? 'an' : 'a'} ${kind}`;
}

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

/**
 * An NHS number's last digit is a check digit: 11 − (Σ digit × weight 10…2 mod 11), 11 read as 0 (10 is never
 * issued). Written without spaces, only a number that passes it is taken for one.
 */
const nhsCheck = (m: string) => {
	const sum = Array.from({ length: 9 }, (_, i) => `${10 - i} * try_cast(substr(${m}, ${i + 1}, 1) AS INTEGER)`).join(' + ');
	return `(length(${m}) = 10 AND (11 - ((${sum}) % 11)) % 11 = try_cast(substr(${m}, 10, 1) AS INTEGER))`;
};

const edgeL = '(^|[^A-Za-z0-9])';
const edgeR = '([^A-Za-z0-9]|$)';

/**
 * A postcode's inward part (`7TJ`): a digit and two letters (never C I K M O V). Written in lower case it
 * must not be an ordinal: `B2 3rd`, `S1 2nd`, `L4 1st` and `M1 4th` are a year and a week, not postcodes.
 */
const inwardUpper = '[0-9][ABD-HJLNP-UW-Z]{2}';
const inwardLower = '[0-9](?:[abd-hjlpquw-z][abd-hjlnp-uw-z]|s[abd-hjlnp-suw-z]|n[abe-hjlnp-uw-z]|r[abe-hjlnp-uw-z]|t[abd-gjlnp-uw-z])';
/**
 * In capitals with no, one or two spaces (`NR47TJ`, `NR4 7TJ`, `NR4  7TJ`); in lower or mixed case only with a
 * space (`nr4 7tj`, `Nr4 7tj`), so that a lower-case code or id (`b3f9ab`) is not taken for one.
 */
const postcodeSql = `${edgeL}(?:(?:${postcodeAreas})[0-9][A-Z0-9]? {0,2}${inwardUpper}|(?i:${postcodeAreas})[0-9][A-Za-z0-9]? {1,2}(?:${inwardUpper}|${inwardLower}))${edgeR}`;

/** A date as written: `03/04/2016`, `3.4.16`, `2016-04-03`, `3rd April 2016`, `3 Apr`, `April 3, 2016`. */
const months = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const dateSql = `(?:[0-3]?[0-9][/.-][01]?[0-9][/.-](?:19|20)?[0-9]{2}|(?:19|20)[0-9]{2}-[01]?[0-9]-[0-3]?[0-9]|[0-3]?[0-9](?:st|nd|rd|th)?\\s+(?:of\\s+)?${months}(?:,?\\s+(?:19|20)[0-9]{2})?|${months}\\s+[0-3]?[0-9](?:st|nd|rd|th)?(?:,?\\s+(?:19|20)[0-9]{2})?)`;
/**
 * A date of birth in free text is a date that a label says is one: `DOB: 03/04/2016`, `D.O.B 3.4.16`,
 * `date of birth 3rd April 2016`, `born on 03/04/2016`, `birthday 3 April`. A date alone (`by 12/03/2026`)
 * is a review date, not a birth.
 */
const dobSql = `(?i:\\b(?:d\\s?\\.?\\s?o\\s?\\.?\\s?b\\b\\.?|date\\s+of\\s+birth|birth\\s?date|born(?:\\s+on)?|birthday)[\\s:=(,-]{0,4}${dateSql})`;

/** Words that end a street's name in the UK, as written after a house number. */
const streetTypes =
	'road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|place|gardens|gdns|grove|terrace|hill|walk|row|mews|square|sq|parade|rise|view|green|park|vale|house|cottages|estate';
/**
 * An address in free text: a house number and a street that a label introduces (`lives at 12 Acacia Road`,
 * `living at Flat 3, 12 mill lane`, `Address: 4 Mill Lane`), or, without a label, a number and one to three
 * capitalised words ending in a street (`12 Acacia Avenue`, `4a St Mary's Road`). Only the unmistakable
 * street words count without a label, and never after "The" (`Book 3 The Long Road` is a title).
 */
const houseSql = '(?:(?:flat|apartment|apt)\\.?\\s*[0-9]+[a-z]?,?\\s+)?[0-9]{1,4}[a-z]?,?\\s+';
const addressSql =
	`(?i:\\b(?:(?:lives|living|lived|resides|residing|staying|stays)\\s+at|(?:home\\s+)?address(?:\\s+is)?\\s*[:=-]|address\\s+is)\\s*${houseSql}(?:[a-z][a-z'’.-]*\\s+){0,3}(?:${streetTypes})\\b)` +
	`|(?:^|[^A-Za-z0-9])[0-9]{1,4}[A-Za-z]?,?\\s+(?:(?:[A-SU-Z][A-Za-z'’-]*|T[a-gi-z][A-Za-z'’-]*|Th[a-df-z][A-Za-z'’-]*|The[A-Za-z'’-]+|T|Th)\\.?\\s+){1,3}(?:Road|Rd|Street|Avenue|Lane|Close|Drive|Crescent|Gardens|Grove|Terrace|Mews)\\b`;

export const personalValuePatterns: ValuePattern[] = [
	// A UPN is a letter and 12 digits; a temporary UPN ends in a letter instead. Alone or inside text.
	{ kind: 'UPN', sql: `${edgeL}[A-Za-z][0-9]{11}[0-9A-Za-z]${edgeR}` },
	// A ULN is 10 digits, the first not 0 (phone numbers start with 0).
	{ kind: 'ULN', sql: `(?:^|[^0-9+])([1-9][0-9]{9})(?:[^0-9]|$)`, check: ulnCheck },
	{ kind: 'email address', sql: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}' },
	{ kind: 'postcode', sql: postcodeSql },
	// UK numbers in the ways people write them: 020 7946 0958, +44 20 7946 0958, (01603) 704070,
	// +44 (0)1603 704070, 07700.900.123: a leading 0 or +44, then 9–10 digits with spaces, dots, dashes or brackets.
	{ kind: 'phone number', sql: `(^|[^0-9+])(\\+44[ .-]?(\\(0\\)[ .-]?)?\\(?[1-9]|\\(?0[1-9])([ .()-]{0,2}[0-9]){8,9}([^0-9]|$)` },
	// NHS numbers are written 3 3 4.
	{ kind: 'NHS number', sql: `(^|[^0-9])[0-9]{3}[ -][0-9]{3}[ -][0-9]{4}([^0-9]|$)` },
	// Or as 10 digits without spaces: those issued in England, Wales and Northern Ireland (starting 3, 4, 6 or 7),
	// with the check digit right.
	{ kind: 'NHS number', sql: `(?:^|[^0-9+])([3467][0-9]{9})(?:[^0-9]|$)`, check: nhsCheck },
	{ kind: 'date of birth', sql: dobSql },
	{ kind: 'address', sql: addressSql }
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
