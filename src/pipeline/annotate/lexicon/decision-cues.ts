/** The phrasings that state a decision, one of the lexicons of cues.ts (kept apart for its size). */

/** A decision is stated ("decided:", "we'll go with X", "let's not …", "agreed"). */
export const DECISION_CUES = [
  /\b(we|we've|we have|i've|team|so|ok|okay|it's|has been)\s+decided\b/i,
  /\bdecided\s*[:—–-]/i,
  /\bdecision(?: for the record| made| taken| from (?:the )?\w+)?\s*[:—–-]/i,
  // "the decision is that all new matters go to Clio", "we decide to use Sentry" (learner's English).
  /\bthe decision is\b(?! (?:still|not|pending|yet|up to)\b)|\bwe decide to\b/i,
  // "we go live blog only, no separate results page", "we keep Google Workspace": the course, said flat (not "we keep getting errors").
  /^\W*(?:(?:so|ok|okay|then|alright)[,\s]+)?we (?:go|ship|launch|keep|stay|switch|stick|drop|skip|cancel|postpone|move to|migrate to) (?!\w+ing\b|on\b|back\b|to (?:lunch|bed|the)\b|home\b)[^?]*$/i,
  // "ok we do it in the office", "fine, we do that on monday": the way picked, said flat after the options.
  /^\W*(?:ok(?:ay)?|alright|fine|right|then)[,\s]+we do (?:it|that|this) (?:in|at|on|from|with|via|over|by|the)\b[^?]*$/i,
  // "Locked: we shoot the rooftop scene Thursday".
  /^\W*locked\s*[:—–-]/i,
  // "ok team, we ship 3.2 without dark mode": the team told what it does.
  /^\W*(?:ok(?:ay)?|alright|so|right)[, ]+(?:team|all|everyone|folks|people)[,:!]?\s+we(?:['’]re)?\s+(?!need|have|should|could|might|can|may|must|will need|are (?:not )?sure)\w+/i,
  // "we're running the story tomorrow, not tonight": one course over another.
  /\bwe(?:['’]re| are) \w+ing\b[^.?!]{2,60},\s*not\b/i,
  // "we won't store card numbers at all": a line drawn (not "we won't make it in time").
  /\bwe (?:won'?t|will not|are not going to|aren'?t going to) (?:store|use|ship|support|offer|accept|allow|launch|release|renew|hire|sell|publish|build|buy)\b/i,
  // "too much, we'll build it ourselves": done in-house instead.
  /\bwe['’]?ll (?:build|do|host|handle|run) (?:it|this|that|them) (?:ourselves|in[- ]house)\b/i,
  /\bwe('ll| will| are going to|'re going to) (go with|use|stick with|give|ship|move|drop|switch|keep)\b/i,
  /\blet'?s (not (?!go there|get into|get ahead|worry|panic|overthink)|go with |go back|stick with |tell |move |keep |drop |ship |use |switch |stop )/i,
  // "let's not — only the four affected": a plan turned down, the course in the words after the dash.
  /^\W*(?:(?:no|nah|hm+|ok)[,.]?\s+)?let'?s not\W*$/i,
  // "go with a) now.", "ok go with the RAM mounts": the pick, told.
  /^\W*(?:(?:ok(?:ay)?|so|then|alright|right|fine)[,.!]?\s+)?go with\s+\S/i,
  // "discord: no more support in #general": a practice stopped for the team.
  /^\W*(?:[^:?]{1,30}:\s+)?no more\s+(?!(?:worries|questions|comments|excuses|coffee|snacks)\b)\p{L}+(?:\s+\S+){1,}[^?]*$/iu,
  /\bagreed\b[.!,]/i,
  /\bfinal (call|decision|answer)\b/i,
  /\b(we|we've|we have) (agreed|settled|landed) on\b/i,
  /\b(we're|we are) (going with|doing|switching to|moving to|sticking with|dropping)\b/i,
  // "Let's lock it in: launch on March 3" ("it's official: X signed" is news, not a decision).
  /\blet['’]?s lock (?:it|this|that) in\b|\blocked in\s*[:—–-]/i,
  // "We're standardizing on pnpm across all repos", "we'll consolidate on one CI".
  /\bwe(?:['’]re| are|['’]ll| will)(?: be)? (?:standardi[sz](?:e|ing) on|consolidat(?:e|ing) on)\b/i,
  /\b(the )?(call|plan|consensus) is\s*[:—–-]/i,
  /\bsettled\s*[:—–-]/i,
  /\b(?:that'?s|that is|it'?s|it is) (?:settled|decided|final)\b(?! (?:yet|whether|if)\b)/i,
  /\bchange of plans?\b(?![,:]?\s*(?:i |did|done|already|it'?s done))/i,
  /\bgo(ing)? with (option )?\w+ then\b/i,
  // "ok cut the branching scenario from the beta", "yeah keep it SPONSORS.md only": agreement that sets the course.
  /^\W*(?:ok(?:ay)?|yeah|yep|yes|alright|fine|right)[,.!]?\s+(?:then\s+)?(?:let['’]?s\s+)?(?:keep|cut|drop|skip|push|postpone|cancel|scrap|pause|stop|hold off on|move|stick with|stay with)\s+(?!(?:me|us|you|going|it up|at it|on it)\b)\S+\s+\S/i,
  // "new rule: scrims start 18:00 sharp", "house rule from today: …": a rule set for the team.
  /^\W*(?:(?:ok|so|alright)[,\s]+)?(?:(?:new|house|team) rule|rule from (?:today|now on|monday|tomorrow))(?: from (?:today|now on|monday))?\s*[:—–-]\s*\S/i,
  // "ok good, we move forward with Gneisenaustr only", "we'll proceed with option B".
  /\bwe(?:['’]ll| will| are| ['’]re)? (?:move forward|proceed|press on) with\b/i,
  // "alright, going with VetSupply Pro", "ok staying with Trans-Pol through Q1": the option kept.
  /^\W*(?:(?:ok(?:ay)?|alright|right|so|fine|cool|great|perfect|then)[,.!]?\s+)*(?:going with|sticking with|staying with(?! (?:my|our|family|friends|parents|relatives|them|him|her)\b)|picking(?! (?:up|it up|him|her|them|me|you)\b)|opting for) \S/i,
  // "changing that: android beta too", "change of plan: …": the course changed, with the new one.
  /^\W*(?:(?:ok|okay|so)[,\s]+)?chang(?:ing|e) (?:that|this|it|of plans?)\s*[:—–-]\s*\S/i,
  // "ok 5 then.", "fine, tuesday then": a choice closed in two words (not "ok see you then").
  /^\W*(?:(?:yes|yeah|yep)[,.!]?\s+)?(?:ok(?:ay)?|alright|fine|right)[,.!]?\s+(?!(?:see|talk|bye|later|cya|catch|speak|chat)\b)(?![^.!?]*\b(?:takes|does|has|gets|handles|owns|will|can|is)\b)[\p{L}\d][\p{L}\d:.-]*(?: [\p{L}\d:.-]+){0,2}\s+then\b\W*$/iu,
  /\b(conclusion|verdict|outcome|resolution|agreed|consensus|resolved|ruling)\s*:/i,
  /^\W*final\s*:/i,
  // "OK let's do Thursday then": a choice closed.
  /\blet'?s (?:do|go with|go for|pick|take) (?!(?:a |five|ten|\d+\b|lunch|coffee|it easy)\b)[^.?!]{1,30}\bthen\b/i,
  // "Dana signed off on the new vendor": someone with the say approving a change (not a PR or an expense).
  /^@?\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)? (?:has |just |already )?(?:signed off on|approved|green-?lit|okayed) (?!(?:it|that|this|my|your|his|her|the (?:pr|merge request|expense|timesheet|invoice|leave|pto))\b)\S/u,
  /\bwe('ll| will)? go ahead with\b/i,
  // "from now on every dataset goes to the shared drive, no exceptions": a rule set for the team (not "from now on I'll …").
  /^\W*(?:(?:ok(?:ay)?|so|alright)[,:]?\s+)?(?:from now on|going forward|effective (?:today|immediately|now))\b,?\s+(?!i\b|i'|we'll see)[^?]*$/i,
  /\b(we're|we are) going ahead with\b/i,
  /\bthe plan is to\b/i,
  /\b(we're|we are) (not|no longer) (going to|gonna) \w+/i,
  /\b(we'll|we will) (not|no longer) \w+/i,
  /\bwe won'?t (ship|support|deploy|do|use|build|release|promise)\b/i,
  /\bis off the table\b/i,
  /\b(let'?s|we'?ll|we will) (postpone|delay|push|defer|freeze|skip|cancel|pause)\b/i,
  /\b(is|are) (postponed|cancelled|canceled|deferred|on hold)\b/i,
  // "the launch is pushed to March 3", "standup moves to 10:00": a date or time changed, with the new one.
  /\b(?:is|are|has been|have been|got|gets)\s+(?:now\s+)?(?:pushed|moved|postponed|delayed|rescheduled|bumped|pulled in)\s+(?:back\s+|out\s+)?(?:to|until|till)\s+(?:\d|next\b|(?:mon|tue|wed|thu|fri|sat|sun)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|the \d)/i,
  // "green light on the new onboarding flow from my side": approval given, not asked for.
  /^\W*(?:green light|greenlit|green-lit)\b(?![^?]*\?)/i,
  /\blet'?s do (it|that|this|option \w+|the \w+ (option|approach|plan))\b/i,
  // "yes, let's do marco's version", "ok we'll take your plan": one of the options named by whose it is.
  /\b(?:let['’]?s|we['’]ll|we will) (?:do|go with|take|use) (?:\p{L}+['’]s|your|his|her|their|that|this) (?:\p{L}+ )?(?:version|option|approach|plan|idea|proposal|suggestion|draft|way)\b/iu,
  // "A wins.", "option 2 wins": a vote closed.
  /^\W*(?:option |plan |design |version )?[\p{L}\d]{1,12} wins\b(?:[.!]|\s*$)/iu,
  // "cancelling tomorrow's marketing sync, nothing on the agenda": a meeting or plan called off (not "cancelling my order").
  /^\W*(?:(?:ok|okay|so|fyi|heads up|update)[,:!]?\s+)?(?:cancell?ing|scrapping|skipping|postponing) (?:tomorrow['’]?s|today['’]?s|this week['’]?s|next week['’]?s|friday['’]?s|monday['’]?s|the|our) (?:\p{L}+ ){0,2}(?:sync|standup|stand-up|meeting|call|review|retro|demo|session|launch|release|event|offsite|workshop|training|planning|1:1|one-on-one|party|dinner)\b/iu,
  // "every fermenter gets a full CIP before filling", "from today: any room on DND for 48h+ gets a welfare
  // check", "all PRs need two reviews": a rule for the team, said of every case (not "every build fails").
  /^\W*(?:[^:?]{1,60}:\s+)?(?:every|each|any|all|no)\s+(?!(?:one|body|time|thing|ideas?|help|of|you|we|i|they|it|good|set|done)\b)[\p{L}\d-]+(?:\s+[\p{L}\d+-]+){0,5}?\s+(?:gets? (?:a|an|the|its|their)|needs? (?:a|an|the|its|their|to be|two|\d)|must|has to|have to|requires?|is required to|are required to)\b[^?]*$/iu,
  // "nothing goes to prod without a model card anymore": a gate for the team.
  /^\W*(?:[^:?]{1,60}:\s+)?nothing\s+(?:goes|ships|merges|gets (?:merged|shipped|deployed|signed|sent))\b[^?]*\bwithout\b[^?]*$/i,
  /\b\w+ it is\s*[.!—–;]/i,
  /\bi'?m ok with that\b/i,
  /\b(ships|goes out|lands) in \d/i,
  // "launch is now March 3 (was Feb 24)": a change stated with what it replaces.
  /\b(?:is|are) now\b[^.?!()]{1,60}\((?:was|previously|formerly|instead of)\s+[^)]{1,40}\)/i,
  // "their finance team accepted net 45", "legal signed off on the redline": a party agreeing to a change.
  /\b(?:we|they|(?:our|their|the) (?:legal(?: team)?|lawyers|counsel|board|finance(?: team)?|management|leadership|client|customer|procurement|ceo|cfo|side))\s+(?:accepts?|accepted|agreed to|signed off on)\s+(?!(?:it|that|this)\b)\S/i,
];
