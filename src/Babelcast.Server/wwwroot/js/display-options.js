// The caption display's settings, all from its address: /display/{sessionId}?lang=es,fr&background=transparent
// &join=0|1&ui=xx. Nothing is stored on the device: a projector or a video mixer's browser source shows what its URL says.

const SESSION_ID = /^[a-z]+-[a-z]+-[0-9]{3}$/;
// A BCP 47-like language code (es, pt-br); anything else is reported as not offered, never sent to the server.
const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/**
 * @param {Location} where
 * @returns {{sessionId: string, validSession: boolean, languages: string[], malformed: string[],
 *   transparent: boolean, showJoin: boolean, ui: string | null}}
 */
export function readDisplayOptions(where) {
  const match = /^\/display\/([^/?#]+)/.exec(where.pathname);
  const sessionId = match ? safeDecode(match[1]) : '';
  const query = new URLSearchParams(where.search);
  const languages = [];
  const malformed = [];
  for (const raw of query.getAll('lang').flatMap((v) => v.split(','))) {
    const code = raw.trim().toLowerCase();
    if (!code) continue;
    const list = LANGUAGE_CODE.test(code) ? languages : malformed;
    if (!list.includes(code)) list.push(code);
  }
  const transparent = (query.get('background') || '').toLowerCase() === 'transparent';
  const join = query.get('join');
  return {
    sessionId,
    validSession: SESSION_ID.test(sessionId),
    languages,
    // Shown back to the operator as typed, shortened: the page never echoes an unbounded string.
    malformed: malformed.map((c) => (c.length > 16 ? `${c.slice(0, 16)}…` : c)),
    transparent,
    // A room screen shows where to join; an overlay on a video does not, unless asked.
    showJoin: join === null ? !transparent : join === '1' || join === 'true',
    ui: query.get('ui'),
  };
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
