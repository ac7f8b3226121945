/// <reference lib="webworker" />
import { verdictLine, type Wording } from './target-verdicts';

// The SMART checker off the page's thread: compiling its patterns and checking a large school's wordings
// took the page's thread for a third of a second at a time during an import.
self.onmessage = (e: MessageEvent<Wording[]>) => {
	self.postMessage(e.data.map(verdictLine));
};
