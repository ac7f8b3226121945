import { headerKey } from './match';

/**
 * The personal-data guard of the contract. Column names are checked here; values are checked
 * in SQL over the staged text (so it scales to a million rows) with the patterns below.
 */
const personalHeader =
	/^(name|names|fullname|firstname|forename|forenames|surname|lastname|familyname|givenname|middlename|preferredname|legalname|pupilname|childname|studentname|parentname|carername|dob|dateofbirth|birthdate|birthday|upn|uln|uniquepupilnumber|uniquelearnernumber|formerupn|address|homeaddress|addressline\d?|street|postcode|postalcode|email|emailaddress|parentemail|phone|phonenumber|telephone|tel|mobile|mobilenumber|contactnumber)$/;

export function isPersonalHeader(header: string): boolean {
	return personalHeader.test(headerKey(header));
}

export interface ValuePattern {
	kind: 'UPN' | 'email address' | 'postcode' | 'phone number';
	/** RE2 pattern for DuckDB's regexp_matches on the trimmed cell. */
	sql: string;
}

export const personalValuePatterns: ValuePattern[] = [
	// A UPN is a letter and 12 digits; a temporary UPN ends in a letter instead.
	{ kind: 'UPN', sql: '^[A-Za-z][0-9]{11}[0-9A-Za-z]$' },
	{ kind: 'email address', sql: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}' },
	{ kind: 'postcode', sql: '(^|[^A-Za-z0-9])[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}([^A-Za-z0-9]|$)' },
	{ kind: 'phone number', sql: '(^|[^0-9])(\\+44 ?|0)[1-9][0-9]{2,4}[ -]?[0-9]{3}[ -]?[0-9]{3,4}([^0-9]|$)' }
];

/** Show that a value was found without showing it: first character, then dots. */
export function maskValue(value: string): string {
	const v = value.trim();
	return v.length <= 1 ? '•' : `${v[0]}${'•'.repeat(Math.min(v.length - 1, 10))}`;
}
