/**
 * Coded results of the CAP parser and validator. Every issue carries a stable code from
 * {@link CAP_ISSUE_CODES}, the layer that found it, a path ("/alert/info[0]/area[1]/polygon[0]")
 * and a readable message.
 */

export type CapIssueLayer = 'xml' | 'structure' | 'rules' | 'profile';

export interface CapIssue {
  code: string;
  layer: CapIssueLayer;
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Catalogue of every issue code with its layer and a generic description. */
export const CAP_ISSUE_CODES = {
  // xml: refused or unreadable documents
  CAP_TOO_LARGE: { layer: 'xml', message: 'The document is larger than the accepted maximum.' },
  CAP_DOCTYPE_FORBIDDEN: { layer: 'xml', message: 'A DOCTYPE (DTD) is never accepted (XXE, entity expansion).' },
  CAP_ENTITY_FORBIDDEN: { layer: 'xml', message: 'Entity declarations are never accepted.' },
  CAP_XINCLUDE_FORBIDDEN: { layer: 'xml', message: 'XInclude is never processed.' },
  CAP_PI_FORBIDDEN: { layer: 'xml', message: 'Processing instructions other than the XML declaration are refused.' },
  CAP_STYLESHEET_IGNORED: { layer: 'xml', message: 'An xml-stylesheet processing instruction was ignored (lenient mode).' },
  CAP_TOO_DEEP: { layer: 'xml', message: 'Elements are nested too deeply.' },
  CAP_ENCODING_UNSUPPORTED: { layer: 'xml', message: 'The declared character encoding is not supported.' },
  CAP_ENCODING_INVALID: { layer: 'xml', message: 'The bytes are not valid in the declared character encoding.' },
  CAP_NOT_XML: { layer: 'xml', message: 'The document is not well-formed XML.' },
  CAP_NOT_CAP: { layer: 'xml', message: 'The root element is not a CAP <alert>.' },
  CAP_WRONG_NAMESPACE: { layer: 'xml', message: 'The <alert> is not in the CAP 1.2 namespace.' },
  CAP_OLD_VERSION: { layer: 'xml', message: 'A CAP 1.1 or 1.0 document was read in lenient mode.' },
  // structure: what the official schema checks
  CAP_MISSING_ELEMENT: { layer: 'structure', message: 'A required element is missing.' },
  CAP_UNKNOWN_ELEMENT: { layer: 'structure', message: 'An element not defined by CAP at this place.' },
  CAP_ELEMENT_ORDER: { layer: 'structure', message: 'Elements are not in the order of the schema.' },
  CAP_DUPLICATE_ELEMENT: { layer: 'structure', message: 'An element that may occur once occurs more than once.' },
  CAP_UNEXPECTED_TEXT: { layer: 'structure', message: 'Text where only elements are allowed.' },
  CAP_UNEXPECTED_CHILD: { layer: 'structure', message: 'Child elements inside a text-only element.' },
  CAP_UNEXPECTED_ATTRIBUTE: { layer: 'structure', message: 'An attribute not allowed by the schema.' },
  CAP_INVALID_ENUM: { layer: 'structure', message: 'A value outside the enumeration of the schema.' },
  CAP_INVALID_TIME: { layer: 'structure', message: 'Not a CAP date-time (YYYY-MM-DDThh:mm:ss±hh:mm, no "Z").' },
  CAP_INVALID_INTEGER: { layer: 'structure', message: 'Not an integer.' },
  CAP_INVALID_DECIMAL: { layer: 'structure', message: 'Not a decimal number.' },
  CAP_INVALID_LANGUAGE: { layer: 'structure', message: 'Not an xs:language value.' },
  CAP_INVALID_URI: { layer: 'structure', message: 'Not a URI.' },
  CAP_INVALID_CHARACTER: { layer: 'structure', message: 'Contains characters XML cannot carry.' },
  // rules: CAP 1.2 section 3 rules the schema cannot express
  CAP_IDENTIFIER_CHARS: { layer: 'rules', message: 'identifier must not contain spaces, commas or the characters < and &.' },
  CAP_SENDER_CHARS: { layer: 'rules', message: 'sender must not contain spaces, commas or the characters < and &.' },
  CAP_EMPTY_VALUE: { layer: 'rules', message: 'A required value is empty.' },
  CAP_REFERENCES_EMPTY: { layer: 'rules', message: 'references is present but empty.' },
  CAP_REFERENCES_FORMAT: { layer: 'rules', message: 'references must be space-separated sender,identifier,sent triples.' },
  CAP_REFERENCES_RECOMMENDED: { layer: 'rules', message: 'An Update, Cancel, Ack or Error message should reference earlier messages.' },
  CAP_RESTRICTION_REQUIRED: { layer: 'rules', message: 'scope Restricted requires a restriction.' },
  CAP_ADDRESSES_REQUIRED: { layer: 'rules', message: 'scope Private requires addresses.' },
  CAP_POLYGON_FORMAT: { layer: 'rules', message: 'A polygon must be space-separated "lat,lon" pairs.' },
  CAP_POLYGON_TOO_FEW_POINTS: { layer: 'rules', message: 'A polygon needs at least 4 coordinate pairs.' },
  CAP_POLYGON_NOT_CLOSED: { layer: 'rules', message: 'The first and last pairs of a polygon must be equal.' },
  CAP_CIRCLE_FORMAT: { layer: 'rules', message: 'A circle must be "lat,lon radius" with a non-negative radius in km.' },
  CAP_COORDINATE_RANGE: { layer: 'rules', message: 'Latitude must be within -90..90 and longitude within -180..180.' },
  CAP_CEILING_WITHOUT_ALTITUDE: { layer: 'rules', message: 'ceiling may only be used together with altitude.' },
  CAP_CEILING_BELOW_ALTITUDE: { layer: 'rules', message: 'ceiling must not be below altitude.' },
  CAP_LANGUAGE_TAG: { layer: 'rules', message: 'language must be an RFC 3066 / BCP 47 tag.' },
  CAP_DIGEST_FORMAT: { layer: 'rules', message: 'digest must be a SHA-1 hash written as 40 hexadecimal digits.' },
  CAP_SIZE_NEGATIVE: { layer: 'rules', message: 'size must be a non-negative number of bytes.' },
  CAP_WEB_NOT_ABSOLUTE: { layer: 'rules', message: 'web must be a full absolute URI.' },
  CAP_SAME_CODE_FORMAT: { layer: 'rules', message: 'A SAME event code must be three capital letters; a SAME geocode six digits.' },
  // profile: Victor child-alert profile
  VICTOR_CATEGORY_RESCUE: { layer: 'profile', message: 'A child alert carries category Rescue.' },
  VICTOR_TIER_CODE: { layer: 'profile', message: 'Every info carries eventCode victor:tier = child_abduction | endangered_missing.' },
  VICTOR_SAME_CAE: { layer: 'profile', message: 'A child-abduction alert carries eventCode SAME = CAE.' },
  VICTOR_INFO_REQUIRED: { layer: 'profile', message: 'An Alert or Update carries at least one info.' },
  VICTOR_LANGUAGE_REQUIRED: { layer: 'profile', message: 'Every info states its language.' },
  VICTOR_LANGUAGE_DUPLICATE: { layer: 'profile', message: 'One info per language: languages must be distinct.' },
  VICTOR_PHOTO_REQUIRED: { layer: 'profile', message: 'A photo resource (image/*) is required.' },
  VICTOR_PHOTO_DIGEST: { layer: 'profile', message: 'A photo resource carries its SHA-1 digest.' },
  VICTOR_EXPIRES_REQUIRED: { layer: 'profile', message: 'Every info has expires.' },
  VICTOR_EXPIRES_TOO_LATE: { layer: 'profile', message: 'expires is later than the country maximum.' },
  VICTOR_HOTLINE_MISSING: { layer: 'profile', message: 'contact or instruction gives the 116 000 hotline.' },
  VICTOR_INCIDENTS_REQUIRED: { layer: 'profile', message: 'A child alert carries an incidents id.' },
  VICTOR_REFERENCES_INCOMPLETE: { layer: 'profile', message: 'An Update or Cancel references every earlier message.' },
  // feeds (Atom, RSS 2.0, EDXL-DE) read for ingest
  FEED_NOT_FEED: { layer: 'structure', message: 'The document is not an Atom feed, an RSS 2.0 feed or an EDXL-DE envelope.' },
  FEED_MISSING_ID: { layer: 'structure', message: 'An Atom feed or entry has no <id>.' },
  FEED_MISSING_TITLE: { layer: 'structure', message: 'An Atom feed or entry, or an RSS channel, has no title.' },
  FEED_MISSING_UPDATED: { layer: 'structure', message: 'An Atom feed or entry has no <updated>.' },
  FEED_UNKNOWN_ELEMENT: { layer: 'structure', message: 'An element that Atom does not define at this place.' },
  FEED_DUPLICATE_ELEMENT: { layer: 'structure', message: 'An element that Atom allows once occurs more than once.' },
  FEED_ENTRY_NO_CAP: { layer: 'structure', message: 'An entry has neither a link to its CAP document nor inline CAP content.' },
  FEED_RSS_NO_CHANNEL: { layer: 'structure', message: 'An RSS feed has no <channel>.' },
  FEED_RSS_MISSING_ELEMENT: { layer: 'structure', message: 'An RSS channel lacks title, link or description, or an item lacks both title and description.' },
  EDXL_NO_CONTENT: { layer: 'structure', message: 'An EDXL-DE envelope carries no embedded CAP alert.' },
  EDXL_INVALID_ALERT: { layer: 'structure', message: 'An embedded CAP alert is not valid.' },
} as const satisfies Record<string, { layer: CapIssueLayer; message: string }>;

export type CapIssueCode = keyof typeof CAP_ISSUE_CODES;

/** Builds an issue; the message defaults to the catalogue text. */
export function makeIssue(
  code: string,
  layer: CapIssueLayer,
  path: string,
  message?: string,
  severity: 'error' | 'warning' = 'error',
): CapIssue {
  const known = (CAP_ISSUE_CODES as Record<string, { message: string }>)[code];
  return { code, layer, path, message: message ?? known?.message ?? code, severity };
}
