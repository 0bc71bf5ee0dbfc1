// What a listener reads when the server refuses or stops the connection: a localised message chosen by the error's
// code, else the server's own (English) message. Each key is spelled out so that the key-completeness test sees it.
import { t } from './i18n.js';
import { languageName } from './languages.js';

/** @param {{code?: string, message?: string, retryAfter?: number}} error  @param {string} [language] */
export function errorMessage(error, language) {
  switch (error.code) {
    case 'SESSION_NOT_FOUND': return t('error.sessionNotFound');
    case 'INVALID_SESSION_ID':
    case 'MISSING_SESSION_ID': return t('error.invalidSessionId');
    case 'SESSION_ENDED': return t('error.sessionEnded');
    case 'SESSION_FULL': return t('error.sessionFull');
    case 'UNSUPPORTED_LANGUAGE':
    case 'MISSING_TARGET_LANGUAGE': return t('error.unsupportedLanguage', { language: languageName(language || '') });
    case 'RATE_LIMIT_EXCEEDED': return t('error.rateLimited', { seconds: Math.max(1, Math.round(error.retryAfter || 5)) });
    case 'MESSAGE_TOO_LARGE':
    case 'INVALID_MESSAGE':
    case 'UNKNOWN_MESSAGE_TYPE':
    case 'AUDIO_NOT_ALLOWED': return t('error.protocol');
    default: return error.message || t('error.unknown');
  }
}
