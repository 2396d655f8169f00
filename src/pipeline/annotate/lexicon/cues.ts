/** Small pattern lexicons for the heuristic annotator; each list is one kind of cue. Edit here (decisions: decision-cues.ts), not in the extractors. */

export { DECISION_CUES } from './decision-cues.js';

/** A decision reverses an earlier one. */
export const REVERSAL_CUES = [
  /\b(never ?mind|nvm)\b.*\blet'?s\b/i,
  /\bforget (what i said|that)\b/i,
  /\bignore (what i said|my last)\b/i,
  /\bstay(ing)? (on|with) [\w-]+ after all\b/i,
  /\bactually,? let'?s\b/i,
  /\b(we're|we are) back to\b/i,
  /\bback to the (old|original|previous) (plan|approach|setup)\b/i,
  /\bcancel that\b/i,
  /\bundoing\b/i,
  /\bgoing back on\b/i,
  /\bon second thought\b/i,
  /\b(?:change of|change in|changing|changed) plans?\b(?![,:]?\s*(?:i |did|done|already|it'?s done))/i,
  // "then we hold off — we stay with the current provider": the decision before is paused.
  /\b(?:then |so )?we(?:['’]ll| will)? hold off\b/i,
  // "we won't migrate the EU tenants after all": a course taken back.
  /\b(?:we|let'?s)(?:['’]re|['’]ll| are| will)?\s+(?:not|won['’]?t|no longer|never)\b.*\bafter all\b/i,
  /\bnot doing \w+ after all\b/i,
  /\bafter all\b.*\b(not|back)\b/i,
  /\brevers(e|ing|al)\b(?!-)/i,
  /\b(go|goes|going) back to\b/i,
  /\b(?:scrap|scratch|strike) that\b/i,
  /\bdisregard (?:that|my last|what i said)\b/i,
  /\brevert(ing)?\b/i,
  /\broll(ing)? (it )?back\b/i,
  /\bchanged? (our|my) minds?\b/i,
  /\bundo (that|the)\b/i,
];

/** Proposals a decision usually answers (supporting evidence). */
export const PROPOSAL_CUES = [
  // Not "I agree with Priya's proposal", "I second the proposal": that takes one up.
  /(?<!\b(?:agree with|agreeing with|support|supporting|back|second|like|love|go with|going with)\s(?:[\p{L}]+['’]s\s|the\s|your\s|this\s|that\s|her\s|his\s|their\s)?)\bproposal\b/iu,
  /\bpropose\b/i,
  /\b(?:can|could) we (please )?(stop|move|switch|drop|use|go|push|delay|postpone|skip|cancel|keep|pause|swap|extend|reschedule|revert|roll back|bump|split|rename)\b/i,
  /\bhow about\b/i,
  /\bi think we should\b/i,
  // "I suggest to do the DNS switch at 02:00", "my suggestion: …".
  /\bi(?:['’]d)? suggest (?:that )?(?:we|to|going|moving|doing|switching|keeping|dropping|pushing)\b|\bmy suggestion\s*(?:is|:)/i,
  // "ok so we keep DHL for Germany and switch Austria to post.at": a plan put to the others.
  /^\W*(?:ok(?:ay)?|alright|right)[,.]?\s+so\s+we\s+(?:keep|switch|go|use|move|drop|stick|do|try|ship|start|stop|pick|cancel|push|split)\b/i,
  /\bwhat if we\b/i,
  /\bshould we\b/i,
  // "hotfix plan: branch off the 2.4.0 tag, …": a plan laid out for the others.
  /^\W*(?:[\p{L}\d.#-]+ ){0,2}(?:plan|pitch)\s*[:—–-]\s*\S/iu,
  // "cap it at 40 and waitlist the rest?", "move it to thursday?": the course itself asked as a question.
  /^\W*(?:(?:so|ok|okay|then|or|maybe|just)[,\s]+)*(?:cap|move|ship|push|cut|drop|skip|keep|split|switch|cancel|postpone|delay|pause|limit|raise|lower|extend|bump|freeze|revert|roll back|go with|stick with|make it)\s+(?!(?:you|u|me|i|we)\b)[^?]{2,80}\?\s*$/i,
  // "should the terminal show a youth indicator?": a choice put to the room, not a question of fact ("should it be up?").
  /\bshould (?:the|our|this|that|they) (?!(?:\w+ ){0,3}(?:be|have|work|still)\b)/i,
  /\bgo\s*(?:\/|or)\s*no[- ]?go\b/i,
  // "let's X" suggests; "let's not …", "let's go with …" are decisions (checked first), "let's see/talk" plans nothing.
  /^(?:(?:but|so|ok|okay|then|and|maybe|i think|in that case)[,\s]+)*let'?s (?!not\b|see\b|hope\b|chat\b|talk\b|sync\b|catch up\b|discuss\b|meet\b|get on\b)\w+/i,
];

/** A request to someone ("can you …"), and phrasings that only look like one. */
/** "I just need the slides by Thursday": a need with a deadline, asked of whoever the message answers. */
export const NEED_BY =
  /\b(?:i|we)\s+(?:just\s+|only\s+|still\s+|really\s+|(?:'ll|will|would)\s+)?need\s+(?:the|your|a|an|those|these|that|this|it|them|some)\b[^.?!]{0,60}?\bby\s+(?:the\s+\d|\d|mon|tue|wed|thu|fri|sat|sun|eod|end\b|tomorrow|tonight|next\b|noon|[a-z]{3,9}\.?\s+\d)/i;

export const REQUEST_CUES = [
  /^(?!(?:i|we|you|they|he|she|someone|somebody|anyone|everyone|going|gonna|got|have|has|had|need|needs|want|wants|used|trying|plan|planning|about|hoping|ready|happy|how|what|who|where|when|why|it|this|that|there|also|just|still|time)\s)(@?[\p{L}][\p{L}_.-]*)(?: [\p{Lu}][\p{L}'-]+)? (?:to|will|should) (?:send|write|fix|update|check|prepare|draft|review|handle|look into|follow up|reach out|set up|schedule|ship|merge|deploy|call|email|book|finish)\b/iu,
  /^@?[\p{L}][\p{L}_.-]*[,:]?\s+(please|pls|plz)\s+\w+/iu,
  /\bneed you to\b/i,
  // "Sam, the inventory is due end of month, please handle it": "please" opening a clause asks.
  /(?:^|[,;:—–]\s*)(?:please|pls|plz)\s+(?!note|see|find|welcome|ignore|enjoy|let me know|don'?t|do not|keep in mind|be aware|wait|hold|stand by|bear with|be patient)\p{L}+/iu,
  // "is possible you prepare the form until 20th?": the same ask in learner's English.
  /\b(?:is it|is)\s+possible\s+(?:for you to|that you|you)\s+\w+/i,
  // "Priya, survey draft by tomorrow?": a deliverable and a deadline put to someone.
  /^@?[\p{L}][\p{L}_.-]*[,:]\s+(?!(?:what|why|how|who|when|where|which|is|are|was|were|do|does|did|can|could|should|would|will|any|anything)\b)[^?]{3,60}\b(?:by|before)\s+(?:tomorrow|tonight|eod|eow|noon|the \d+|\d+|mon|tue|wed|thu|fri|sat|sun|next \w+)\w*\s*\?+\s*$/iu,
  /\baction item\s*[:—–-]/i,
  /\bcan you (pls|please) \w+/i,
  /\b(can|cna|could|would|will) (?:you|u|yu)( please| pls)?\b/i,
  /\bcan i ask you to\b/i,
  /\bwould you mind\b/i,
  /(?<!never )\bmind (?:double[- ]?checking|taking|doing|looking|grabbing|handling|checking|sending|reviewing|pairing|picking|covering|writing|updating|chasing|running|booking|sorting)\b/i,
  // "@sam can cover standup?": a request to the one mentioned, "you" left out.
  /(?:^|[,.;:—–]\s*)@[\p{L}][\p{L}\d_.-]*[,:]?\s+(?:can|could)\s+(?!(?:i|we|you|u|he|she|they|it|this|that|the|there|someone|anyone|somebody|anybody|one|either|any|some|all|everyone)\b)\p{L}+\b[^?]*\?\s*$/iu,
  /\b(?:do|would) you have (?:time|a minute|a sec|capacity|bandwidth|cycles|space|room) to (?!chat|talk|meet|catch up|sync|hop)\w+/i,
  /\b(?:got|have you got|you got) (?:a (?:sec|second|minute|min|moment)|(?:a few|5|five|10|ten) min(?:ute)?s|time) to (?!chat|talk|meet|catch up|sync|hop)\w+/i,
  /\bif you could (?!see|imagine|believe)\w+/i,
  /\bneed\b[^.?!]{0,60}\bfrom you\b/i,
  NEED_BY,
  // "can I get a quick review on the migration?", "could we get eyes on this PR": a review asked for.
  /\b(?:can|could|may) (?:i|we) (?:get|have|grab|borrow) (?:a |an |some |your |another )?(?:quick |second |final |fresh |extra )?(?:review|look|pair of eyes|set of eyes|eyes|sanity check|second opinion|hand)\b(?:s)? (?:on|of|at|with|for)\b/i,
  // "could I get the churn numbers by Thursday?": asked of whoever the message is put to.
  /\b(?:can|could|may) (?:i|we) (?:get|have|see) (?:the|your|a|an|those|these|that|this|some)\b[^.?!]{0,60}?\b(?:by|before)\s+(?:the\s+\d|\d|mon|tue|wed|thu|fri|sat|sun|eod|end\b|tomorrow|tonight|next\b|noon|[a-z]{3,9}\.?\s+\d)/i,
];
export const NOT_REQUESTS = [
  /\b(can|could|would) you (believe|imagine|even|see|tell)\b/i,
  /\bdo you (know|think|have)\b(?! (?:time|a minute|a sec|capacity|bandwidth|cycles|space|room) to)/i,
  /\b(can|could|would|will) you (approve|sign)\b/i,
  /\byou (dm|ping|message) me\b/i,
  /\b(can|could) you (dm|ping|message) me\b/i,
  // Asked to wait or refrain ("can you hold off on …"): nothing to do.
  /\b(can|could|would) you (hold off|hold on|hang on|hang fire|wait|not|avoid|refrain)\b/i,
  // "let us know if it still happens": a courtesy that closes a reply, not work.
  /\blet (?:me|us) know if (?:it|that|this|anything|something|there(?:'s| is| are)|you (?:need|have|want|see|spot|run into|hit))\b/i,
];

/** A request to the room ("can someone …"); whoever takes it ("I'll do it", "on it") is the assignee. */
export const ROOM_REQUEST =
  /\bwho(?:['’]s| is) (?:free|available|around|able|up) (?:to|for) (?!chat|talk|lunch|coffee|drinks)\w+|\b(can|could|would) (someone|somebody|anyone|anybody)\b|\banyone (able|free|up for|want) to\b|\bwho can (take|do|look|handle|pick|own|cover|run|lead|drive)\b|\banyone up for\b/i;
export const TAKES_IT =
  /^\s*(?:👀|:eyes:)\s*$|^(?:[\p{Emoji}\s]*)(?:(?:me|sure|ok|okay|yep|yes|yeah)[,!.]?\s+)?(?:i'?ll (take|do|grab|handle) (it|that|this|one)|i can (take|do|grab|handle) (it|that|this)|on it|mine(?=\s*(?:$|[,.!;:—–-]|\p{Extended_Pictographic}))|i got (it|this)|i'?ve got (it|this)|me!?$|will do|consider it done|leave it with me|count me in|happy to (take|do|grab|handle) (it|that|this))(?!\p{L})/iu;

/** Someone else named as doing the work: "Owen will handle the export", "we need Keisha to sign off", "Owen writes it up, I check it". */
export const THIRD_PERSON_TASK =
  /(?:^|[,.;:]\s+|\b(?:and|so)\s+)@?(?<name>\p{Lu}[\p{L}_-]+)(?: \p{Lu}[\p{L}'-]+)?(?: (?:will|is going to|is gonna|can you|to)|['’](?:ll|s going to|s gonna)) (?:take|handle|do|fix|write|send|look into|pick up|own|prepare|draft|update|set up|follow up|reach out|check|circle back|get back|share|send over|review|confirm|schedule|book|call|email|chase|sort out|finish|ship|merge|deploy|test|investigate|dig into|figure out|find out|present|organi[sz]e|write up|put together|coordinate)\b|\b(?:need|want|asked) @?(?<name2>\p{Lu}[\p{L}_-]+) to (?!be\b)\w+|(?:^|[.;:]\s+)@?(?<name3>\p{Lu}[\p{L}_-]+) (?:drafts|writes|sends|reviews|checks|handles|prepares|updates|fixes|books|calls|emails|runs|files|collects|takes)\b[^.,;]{0,40},\s*(?:i|I|we|and I)\s+\p{L}+|(?:^|[.;:!]\s+)@?(?<name4>\p{Lu}[\p{L}_-]+)(?: \p{Lu}[\p{L}'-]+)?[,:]\s+(?:please\s+|pls\s+)?(?:ship|send|fix|write|update|check|prepare|draft|review|handle|look into|follow up|reach out|set up|schedule|merge|deploy|call|email|book|finish|add|post|file|rotate|move|run|test|share|upload|publish|remove|bump|push|ping|loop in|sort out|chase)\b(?!.*\?\s*$)(?!.*\b(?:my way|to me|over to me)\b)|(?:,\s*and|;|\band then|\.\s+and)\s+@?(?<name5>\p{Lu}[\p{L}_-]+) (?:adds|ships|sends|writes|fixes|updates|drafts|prepares|books|files|posts|builds|migrates|rotates|deploys|merges|sets up|follows up|reaches out|schedules|emails|calls)\b/u;

/** The speaker commits to something. */
export const COMMITMENT_CUES = [
  /\bleave it with me\b/i,
  /\bi'?ve got (it|this)\b/i,
  /\blet me (fix|handle|take|write|draft|look into|investigate|check)\b/i,
  /\bi can (take|do|handle|own|pick up) (it|that|this)\b/i,
  /\bi('ll| will| am going to|'m going to|'m gonna) (?!not\b|never\b|be\b|let\b|leave\b|need\b|bet\b|say\b|admit\b|believe\b|miss\b|try to remember\b)\w+/i,
  /\bi'?ll take (it|that|this)\b/i,
  // "I take the alert on poller lag", "I fix it in the admin panel": a promise in the present, as
  // many non-native writers put it (not "I take the bus"; "I handle X" is a holding).
  /^\W*(?:(?:ok|okay|sure|yes|fine)[,.!]?\s+)?i (?:take|fix) (?:it|that|this|the (?!(?:bus|train|tram|car|day|week|stairs|elevator|lift|chance|point)\b)\p{L}+)\b(?![^.?!]*\b(?:every|usually|always|normally)\b)[^?]*$/iu,
  // "I owe you the numbers by Friday", "I'm on the hook for the deck", "on my list for tomorrow: …".
  /\bi owe (?:you|\p{Lu}[\p{L}'-]+) (?:the|a|an|my|some|those|that)\b/iu,
  /\bi'?m on the hook for\b/i,
  /^\W*(?:on my (?:list|plate|to-?do(?: list)?)|my to-?dos?)\b[^:]{0,30}:\s*\S/i,
  // "gonna patch the alert after lunch", "lemme check with finance": the speaker left out, chat spelling.
  /(?:^|[.!;,:—–]\s*)(?:gonna|gna|going to|lemme) (?:also |quickly |just |then |go )?(?:take|pick up|grab|tackle|start on|work on|re(?:do|count|build|index|name|write|check|test|try|start|deploy|import|export|send|run|shoot|record|order|book|schedule|label|stock|configure|install|image)|do a|count|audit|tidy up|clean|label|sweep|wire up|rerun|run|fix|write|raise|handle|build|ship|merge|deploy|rotate|bump|migrate|send|finish|investigate|debug|patch|draft|rewrite|refactor|set up|clean up|look into|look at|dig into|check|ask|ping|chase|follow up|find out|sort out|prepare|upgrade|file|open|add|remove|move|test|document|schedule|book|call|email|post|publish|upload|share|submit|revert|restart|update|review)\b/i,
  // "thanks, will test Monday", "Will confirm tomorrow.": a clause-initial "will" with the speaker left out.
  /(?:^|[.!;,:—–]\s*)will (?!(?:not|never|be|do|see|try|think|let|have to|need|probably|likely|know|hear|keep|stay|wait|want|look|feel|it|this|that|they|we|you|he|she)\b)\p{L}{2,}\b/iu,
];

/** "👍 running the refund script", "looking at your PR today": work the speaker is starting now (clause-initial). */
const STARTED = String.raw`(?:^|[,;:—–]\s*|^[\p{Emoji}\s]+|^(?:ok|okay|sure|yep|yes|will do|my bad|sorry|oops|ah|oh|good catch|thanks|on it)[,!.]?\s+)(?:i'?m\s+)?(?:(?:running|starting on|looking at|looking into|fixing|reviewing|writing up|deploying|rolling back|kicking off)\s+(?:the|your|my|a|it|this|that)\b.*?(?:\b(?:now|today|tonight|this afternoon|this morning|right away|asap)\b|$)|(?!(?:thinking|wondering|hoping|proposing|suggesting|recommending|considering|feeling|loving|going|getting|seeing|looking forward|missing|guessing|assuming|saying|kidding|waiting|trying|nothing|something|anything|everything|morning|evening|meeting|building|ceiling|during|according|including|regarding|pending|amazing|interesting|exciting|boring|annoying)\b)\p{L}{2,}ing\s+(?:the|your|my|our|their|a|an|it|this|that|them|in|on|into|through|with|for|to|up|out|back)\b.*?\b(?:now|today|tonight|this afternoon|this morning|right away|asap|first thing)\b)`;
/** "telling Sam now", "…, pinging Lena today": passing something on, under way (clause-initial). */
const HANDING_ON = String.raw`(?:^|[,;:.!—–]\s*|^(?:ok|okay|sure|yep|yes|thanks)[,!.]?\s+)(?:telling|asking|pinging|looping in|messaging|emailing|calling|texting|nudging|chasing|warning|briefing)\s+@?[\p{L}'’-]+\s+(?:now|today|right away|asap|first thing)\b|^[\p{Emoji}\s]*(?:(?:ok|okay|sure|yep|yes|thanks)[,!.]?\s+)?(?:telling|asking|pinging|looping in|messaging|nudging)\s+@?\p{Lu}[\p{L}'’-]+[\s!.]*$`;
/**
 * A step with no day, said after a clause or a thanks ("…, adding it to the list", "thanks Lena, chasing
 * internally"): a pronoun object going somewhere, or a manner adverb. Opening a message it is too often a
 * status ("reading it over the weekend", "upgrading now!"); a relay ("passing it on") is a hand-off only
 * when it names who to (HANDING_ON, lexicon HAND_OFF).
 */
const UNDATED_STEP = String.raw`(?:[,;:—–]\s*|^(?:thanks|thank you|ty|cheers)(?:\s+@?[\p{L}'’-]+)?[,!.]\s+)(?!(?:thinking|wondering|hoping|feeling|loving|hating|liking|enjoying|going|getting|seeing|looking forward|missing|guessing|assuming|saying|kidding|waiting|trying|keeping|leaving|heading|working|coming|calling it|taking it easy|passing|forwarding|handing|nothing|something|anything|everything|morning|evening|during|according|including|regarding|pending)\b)\p{L}{2,}ing\s+(?:(?:it|them)\s+(?:to|into|on|in|up|over|off|out|with|for|along|across)\b|\p{L}{3,}ly\b)`;
/** Work the speaker is doing or starting: begun now, passed on now, or the next step of what they said. */
export const PROGRESSIVE_COMMITMENT = new RegExp(`${STARTED}|${HANDING_ON}|${UNDATED_STEP}`, 'iu');
/**
 * The two forms above the act model has few examples of: where it reads such a unit as "other", the
 * cue's reading stands (extract-actions.ts).
 */
export const STEP_UNDER_WAY = new RegExp(`${HANDING_ON}|${UNDATED_STEP}`, 'iu');

/** A day the speaker names for their own work: "Monday", "tomorrow", "by the 29th", "next week". */
const WHEN = String.raw`\b(?:today|tonight|tomorrow|tmrw|this (?:afternoon|evening|week)|next week|(?:on |by )?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|by (?:eod|end of (?:day|the day|week|the week)|the \d{1,2}(?:st|nd|rd|th)?|\p{L}{3,9} \d{1,2}))\b`;

/**
 * Work the speaker dates without "I'll": a clause-initial "-ing" verb and a day ("sending the quote
 * Friday", "…, rolling it out Thu"), or taking something on with a day ("the two disputes are on
 * me, you'll hear back Tuesday"). Going, travelling, meeting and the like promise no work.
 */
export const DATED_COMMITMENT = [
  new RegExp(
    String.raw`(?:^|[,;:—–]\s*|^[\p{Emoji}\s]+|^(?:ok|okay|sure|yep|yes|will do|thanks)[,!.]?\s+)(?:i'?m\s+)?(?!(?:thinking|wondering|hoping|proposing|suggesting|recommending|considering|feeling|loving|going|getting|seeing|looking forward|missing|guessing|assuming|saying|kidding|waiting|trying|nothing|something|anything|everything|morning|evening|meeting|during|according|including|regarding|pending|amazing|interesting|exciting|boring|annoying|heading|leaving|flying|travell?ing|visiting|working|staying|starting|coming|landing|happening|closing|opening|raining|snowing|aiming|targeting|planning|onboarding|training|pricing|booking|billing|housekeeping)\b)\p{L}{2,}ing\b(?:\s+(?!(?:would|will|is|are|was|were|be|been)\b)[\p{L}\d'’-]+){0,4}?\s+${WHEN}`,
    'iu',
  ),
  new RegExp(String.raw`\b(?:is|are|['’]s)\s+(?:both\s+|all\s+)?on me\b[^.?!]*?${WHEN}`, 'iu'),
  new RegExp(
    String.raw`\byou['’]?ll have (?:it|them|that|answers?|an answer|the|my|our)\b[^.?!]*?${WHEN}`,
    'iu',
  ),
  // "thanks, invoice goes out tomorrow", "ok, the patch goes live Thursday": an answer dating the
  // speaker's part ("the fix goes out today" alone, in a report, may be anyone's).
  new RegExp(
    String.raw`^(?:ok|okay|sure|yep|yes|great|thanks|thx|perfect|will do)[,!.]?\s+(?:the |our |my )?[\p{L}\d][\p{L}\d .#-]{0,40}?\s+(?:goes|go|is going|are going)\s+(?:out|live)\s+(?:first thing\s+)?${WHEN}`,
    'iu',
  ),
];

/** An answer that starts the work ("cheking the mail logs", "on it, pulling the list"), read only as a reply to a request. */
export const WORK_UNDER_WAY =
  /^(?:[\p{Emoji}\s]*)(?:(?:ok|okay|sure|yep|yes|on it|my bad|sorry)[,!.]?\s+)?(?:i'?m\s+)?(?!(?:thinking|wondering|hoping|proposing|suggesting|recommending|considering|feeling|loving|going|getting|seeing|missing|guessing|assuming|saying|kidding|waiting|trying|nothing|something|anything|everything|morning|evening|meeting|amazing|interesting)\b)\p{L}{2,}ing\s+(?:the|your|my|our|their|a|an|it|this|that|them|in|on|into|through|with|for|to|up|out|back)\b/iu;

/** A bare call after a statement puts the statement to whoever takes it: "the nightly export keeps timing out. anyone?" */
export const BARE_CALL =
  /^(?:also,?\s+)?(?:anyone|anybody|someone|somebody|any takers|any ideas|can someone (?:look|help|check)|who can (?:look|help|check))\s*\?+\s*$/i;

/** A commitment without a date is an action item only when it names real work (not "I'll ask", "I'll join"). */
export const WORK_VERBS =
  /(?:\bi(?:'ll| will| am going to|'m going to|'m gonna)|^\W*(?:(?:ok|okay|sure|yes|fine)[,.!]?\s+)?i(?= (?:take|fix) )|(?:^|[.!;,:—–]\s*)(?:gonna|going to)) (?:also |quickly |just |then )?(take|pick up|re(?:do|count|build|index|write|test|try|deploy|import|run|shoot|record|order|label|stock|configure|install|image)|count|audit|fix|write|raise|handle|build|ship|merge|deploy|rotate|bump|migrate|send|own|cut|finish|implement|investigate|debug|patch|draft|rewrite|refactor|set up|clean up|do it|do that|get it|have it|look into|prepare|upgrade|file|open|add|remove|move|test|document|schedule|book|order|call|email|pull|post|pin|publish|upload|share|submit|sign|revert|restart|enable|disable|configure|install|announce|confirm|update (?!(?:you|u|y'?all|everyone|the team|folks|people)\b)|prep|brief (?!(?:you|u|y'?all)\b)|pair (?:with|on)|sort (?:it|that|this|out))\b|\b(?:^|[.!;,:]\s*)will (?:test|fix|confirm|send|ship|merge|deploy|review|update|post|check|look into|draft|write)\b|\bleave it with me\b|\bi'?ve got (it|this)\b|\b(?:let me|lemme) (fix|handle|take|write|draft|look into|investigate|dig into|check with)\b|\bi can (take|do|handle|own|pick up) (it|that|this)\b|\bi'?m on the hook for\b|(?:^|[.!;,:—–]\s*)(?:gonna|gna) (?:also |quickly |just |then )?(?:fix|write|handle|ship|merge|deploy|rotate|bump|migrate|send|finish|investigate|debug|patch|draft|rewrite|refactor|set up|clean up|look into|prepare|upgrade|file|test|document|schedule|book|publish|upload|share|submit|revert|restart|update|review)\b/i;

/**
 * "I'll update the rack diagrams", "I'll compress it and retry", "I'll prep the lift notice": a
 * promise to do something to something. Any verb with an object is work, except the verbs that
 * promise no work ("I'll be there", "I'll see", "I'll think about it", "I'll try", "I'll let you
 * know", "I'll keep an eye on it", "I'll get back to you").
 */
export const PROMISED_DEED =
  /\bi(?:'ll|’ll| will|'m going to|’m going to|'m gonna|’m gonna) (?:also |quickly |just |then |still |definitely |def )?(?!(?:be|see|think|try|wait|let|keep|stay|need|have|go|come|miss|join|leave|sleep|head|probably|maybe|never|not|get back|talk|chat|hold|pass|bring|admit|say|guess|bet|assume|take a break|brb|believe|hope|consider|figure|mention|remember|survive|live|pray|love|hate|like|miss|die|cry|laugh|a|an|the|ping|ask|tell|remind|nudge|poke|chase|loop|text|dm|message)\b)[a-z]{2,}(?: (?:up|out|over|off|in|on|down|back))? (?!(?:you|u|y'?all|guys|later|soon|asap|tomorrow|tonight|today|now|then|too|again)\b)[\p{L}\d#@'’/.-]+/iu;

/**
 * A promise to pass something on to someone named ("I'll ask Kwame", "I'll tell Jo", "I'll loop in
 * Sam", "I'll check with the CS team"): a hand-off the speaker owes. The name is checked by the caller.
 */
export const HAND_OFF =
  /\b[Ii](?:'ll| will| am going to|'m going to|'m gonna) (?:also |just |then )?(?:ask|tell|ping|loop in|check with|let|brief|update|remind|follow up with|nudge|chase|warn|email|call|(?:take|bring|pass|forward|flag|escalate) (?:it|this|that|them)(?: on| up)? to|(?:raise|run) (?:it|this|that|them) (?:with|by)|escalate to) @?(?<name>\p{Lu}[\p{L}'-]+|[A-Z]{2,})\b/u;

/** "can someone let Lena know …", "could you ask Sam …", "please tell Jo …": a relay asked for. */
export const RELAY_ASKED =
  /\b(?:(?:can|could|would|will) (?:you|u|someone|somebody|anyone)|please|pls)\s+(?:please\s+)?(?:let|tell|ask|ping|remind|loop in|update|check with)\s+@?(?<name>\p{Lu}[\p{L}'-]+)/u;

/** "🙌 telling Lena", "ok, pinging Sam": passing something on, under way, to someone named. */
export const PASSING_ON =
  /(?:^|[,;:.!—–]\s*|^[\p{Emoji}\s]+)(?:telling|asking|pinging|looping in|messaging|emailing|nudging|briefing)\s+@?(?<name>\p{Lu}[\p{L}'-]+)/u;

/** An acknowledgement of a request by the person asked. */
export const ACK_CUES = [
  /^(yes|yep|yeah|yup|sure|ok|okay|will do|on it|can do|absolutely|of course|no problem|np)\b/iu,
  /^\W*(?:i|we) (?:fully |totally |completely )?agree\b(?! (?:to disagree|that it'?s (?:not|hard)))/i,
  /^(👍|🙌|✅|👌)/u,
  /\bwill do\b/i,
  // "on it", "ok on it" — not "if nobody's on it", "is anyone on it".
  /(?<!(?:\b(?:is|are|was|were|be|been|nobody|anyone|someone|everyone|who)|['’]s)\s)\bon it\b/i,
];

/** Something is finished. */
export const COMPLETION_CUES = [
  /\b(done|shipped|merged|fixed|finished|deployed|landed|rotated|bumped|reviewed|pushed|sent|called|updated|resolved|completed|wrapped up|sorted|closed|released|took care of|taken care of|submitted|published|uploaded|posted|shared|pinned|installed|configured|enabled|reverted|restarted|booked|filed)\b/i,
  /\b(it'?s|is) live\b/i,
  /\b(?:went|gone) (?:out|live)\b/i,
  /✔️|☑️/u,
  /\b(is|are) (up|out|in|live|ready)\b/i,
  // "in now", "mine's in already": an answer to "please add yours" whose part is in.
  /^(?:(?:it['’]?s|they['’]?re|mine['’]?s|ours['’]?|all|both)\s+)?in\s+(?:now|already)[\s!.]*$/i,
  /\bas promised\b/i,
  /\blgtm\b/i,
  /✅/u,
];
export const NOT_COMPLETIONS = [
  /\bbefore i can\b/i,
  // "consider it done", "as good as done": a promise, not work finished.
  /\b(?:consider it|as good as) done\b/i,
  // "the depot is closed on Monday", "the office is closed for the holidays": a place shut, not work done.
  /\b(?:is|are|will be|['’]s|were|was)\s+closed\s+(?:on|for|until|till|over|this|next|all|from|mon|tue|wed|thu|fri|sat|sun|\d)/i,
  /\bneeds? (you|your|a|an|one more)\b.*\b(approv|review|sign)/i,
  /\b(not|almost|nearly|isn'?t|aren'?t|won'?t|will be|once|when|until|before|after)\b.*\b(done|merged|fixed|shipped|up|out)\b/i,
  // "please make sure the sheet is updated": a state asked for, not one reached.
  /\b(?:make|making) sure\b|\bensure\b/i,
];

/** Questions that are not asking anything. */
export const NOT_QUESTIONS = [
  /^(right|ok|okay|yes|no|really|huh|eh)\?$/i,
  /^\s*(@[\p{L}]+(\s\p{Lu}\S*)?\s+)?(are you around|you around|you there)\?\s*$/iu,
  /\bany allergies\b/i,
  // "…, right?" is rhetorical, unless put to someone ("@dana grant questions go to priya now, right?").
  /^(?!\s*@)[^]*,\s*right\?\s*$/i,
  /\bcan you believe\b/i,
];

export const APPROVAL_CUES = [
  // "Dana — need a yes/no on the sponsorship by Thursday": a call asked of the one addressed.
  /\bneed (?:a |an |your )?(?:yes\/no|yes or no|decision|go\/no[- ]go|go-ahead|verdict|final (?:call|answer|word)) (?:on|about|for|re|by)\b/i,
  /\bapprov(e|al)\b/i,
  /\bsign[- ]?off\b/i,
  /\bsign off\b/i,
  /\bsecond approver\b/i,
  /\bgreen light\b/i,
  /\byour (ok|okay|go-ahead)\b/i,
  // "your call on whether we ship Friday", "up to you whether …": a decision left to the one addressed.
  // Not a phone call: "the action item from your call", "on your call earlier".
  /(?<!\b(?:from|on|after|in|during|join|joining|before|to|for|of)\s)\byour (?:call|decision)(?= on\b| whether\b| if\b| here\b|\s*[,.!?]|\s*$)/i,
  /\bup to you\b/i,
  // "ok to merge before the freeze?", "mind if I push it to friday?": leave asked for the asker's own work.
  /\b(?:(?:ok|okay|alright|fine) (?:to|if (?:i|we))|(?:do you )?mind if (?:i|we)|any objections? (?:to|if))\b[^?]*\?\s*$/i,
];
export const BLOCKER_CUES = [
  /\bblocked (on|by)\b/i,
  /\bblocking (me|us)\b/i,
  /\bwaiting on you\b/i,
  // "still waiting on Dana to approve the PR": blocked on a person named (extract-questions.ts finds them).
  /\b(?:[Ss]till |been )?[Ww]aiting (?:on|for) (?:@[\p{L}][\p{L}_.-]*|\p{Lu}[\p{L}_.-]*)(?:['’]s\b| to\b)/u,
  /\bcan'?t (proceed|continue|start|merge) (until|without)\b/i,
];

/** Wording that makes a statement hedged. */
/** "We decide to use Sentry, ok?": a tag that asks for a nod, not an answer. */
export const TAG_QUESTION = /,\s*(?:ok|okay|right|yes|agreed|alright|fine|cool)\s*\?+\s*$/i;
/** "let's just rewrite it in Rust 😂": said for a laugh, decided by nobody. */
export const JOKING = /😂|🤣|😅|🙃|\blol\b|\blmao\b|\bhaha+\b|\s\/s\s*$/iu;

export const HEDGE_CUES = [
  /\bi think\b/i,
  /\bi guess\b/i,
  /\bmaybe\b/i,
  /\bmight\b/i,
  /\bprobably\b/i,
  /\bnot (?:100% |totally |entirely |quite |really )?sure\b/i,
  /\b(?:pretty|fairly|almost) sure\b/i,
  /\bafaik\b|\bas far as i know\b/i,
  /\bi (?:assume|suppose|reckon)\b/i,
  /\bpresumably\b|\bsupposedly\b/i,
  /\blast i (?:heard|checked)\b/i,
  /\bif i (?:remember|recall)\b/i,
  /\bi believe\b/i,
  /\bperhaps\b/i,
  /\biirc\b/i,
  /\bpossibly\b/i,
];

/** Small talk and joins (a conversation of only these is noise). */
export const SMALL_TALK = [
  /\b(weekend|lunch|ramen|pizza|burger|dinner|beer|drinks|birthday|cat|dog|puppy|movie|film|hike|hiking|vacation|holiday|game|football|soccer|weather|rain|snow|sun|memes?|gif|coffee machine|kitchen|plants?)\b/i,
  /(😂|🤣|😄|😅|🍕|🍜|🎂|🐱|🐶|☕)/u,
  /\b(lol|lmao|haha+|hehe)\b/i,
  /\b(good )?morning\b/i,
  /\bhello\b|\bhi all\b|\bhey all\b/i,
  /\bhave a (good|great|nice) (weekend|evening|day)\b/i,
  /\bhappy (birthday|friday)\b/i,
  /\b(lol|haha|coffee|tea|lunch|cake|cat)\b/i,
  /^[\p{Extended_Pictographic}\s:_+!.-]+$/u,
  /\bhas joined\b/i,
];

/**
 * A short question that only asks the room to agree with what came before it in the message
 * ("objections?", "thoughts?", "ok for you?", "sound good?"): the statement is then a proposal.
 */
export const AGREEMENT_QUESTION =
  /^(?:(?:so|and|any|all|everyone|everybody|folks|team|y'?all|guys)[,\s]+)*(?:objections?|thoughts|concerns|opinions|feedback|views|pushback|comments|ok|okay|good|fine|alright|agreed?|works|sgtm|lgtm|yes or no|go or no[- ]go|sound(?:s)? (?:good|ok|okay|right|fair)|makes? sense|good to go|all good|fair|any (?:objections?|concerns|thoughts|pushback)|(?:is )?(?:that |this )?ok(?:ay)? (?:for|with) (?:you|everyone|all|y'?all|the team|your side|you all)|(?:are )?(?:you|we|everyone|y'?all) (?:ok|okay|fine|good) with (?:that|this|it)|(?:does )?(?:that|this) work(?: for (?:you|everyone|all))?|(?:can|could) (?:you|we|everyone) live with (?:that|this)|(?:is )?everyone (?:ok|okay|on board|in)|(?:do|does) (?:anyone|anybody) (?:object|mind|disagree))[\s.!]*\?+$/i;
