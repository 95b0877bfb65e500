// Every unit test reads the UI's text in English from the message table, as the extension reads it from the
// browser's i18n.
import { useMessages } from '../../src/ui/i18n';
import { messagesIn } from '../../src/ui/messages';

useMessages(messagesIn('en'), 'en');
