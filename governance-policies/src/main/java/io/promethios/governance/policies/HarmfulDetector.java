package io.promethios.governance.policies;

import io.promethios.governance.policies.text.NormalizedText;
import io.promethios.governance.policies.text.TextNormalizer;

import io.promethios.governance.policies.model.LinearTextModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Harmful-request detector with graded severity. Each category is a small set of bounded
 * patterns over the normalized text: a harmful subject, usually together with request framing
 * ("how do I", "best way to", "write a", "help me") or a first-person intent. Categories and
 * severities: {@code CHILD_SEXUAL_CONTENT} (critical), {@code MASS_HARM_WEAPONS} (critical),
 * {@code SELF_HARM} (high), {@code VIOLENCE} (high), {@code HATE} (high), {@code SEXUAL_CONTENT}
 * (medium), {@code CRIME} (medium), {@code CYBER_ABUSE} (medium), {@code PRIVACY_ABUSE} (medium), {@code HARASSMENT} (medium),
 * {@code DISINFORMATION} (medium: fabricated news, evidence or sources; writing that denies an atrocity or spreads a
 * conspiracy claim about vaccines, 5G, elections...), {@code DANGEROUS_ACTIVITY} (medium: urging others into drunk driving,
 * drugs, vaping, starving).
 *
 * <p>Harmful words in safe senses are passed over, after the categories of safe prompts in XSTest
 * (Röttger et al., 2023): a mass-harm weapon needs making, getting or using (a mention is history or
 * science); a violent or cyber verb followed by a safe object ("kill a process", "crack an egg") or said
 * of a video game does not count; a crime or cyber request in protective framing (reporting fraud,
 * "my card was stolen") does not count. A whole text asking what a word means ("What is human trafficking?") is
 * not a request, and a question about what happened in history passes over the rule naming atrocities. When a rule's
 * first match is passed over, its next match is
 * tried. A self-harm or atrocity finding with information or support around it ("the suicide rate in
 * Japan", "how can I help a friend who is talking about suicide") is reported MEDIUM unless the
 * self-harm is the writer's own ("I want to kill myself").
 *
 * {@code CHILD_SEXUAL_CONTENT} in a question about a child's safety (prevention, reporting, warning signs,
 * sex education, development) is reported MEDIUM, unless the text asks for content (a story, role-play,
 * images), which stays CRITICAL whatever its framing.
 *
 * <p>A HIGH finding that lies entirely inside double quotes (reported speech, such as counter-speech
 * quoting what someone else wrote) is reported one grade lower, MEDIUM, with 0.7 times the confidence:
 * {@link Policies#harmfulWarn()} warns about it instead of {@link Policies#harmfulBlock()} blocking it.
 * CRITICAL findings are never lowered for quotation.
 *
 * <p>When no rule matches, the built-in classifier ({@link LinearTextModel}, {@code harmful.model})
 * scores the whole text; at or above its threshold the finding is {@code LIKELY_HARMFUL}
 * (medium severity, confidence the classifier's probability). Off with {@code classifier: false}.
 *
 * <p>Limitations: a lexical detector. It misses harm phrased without its vocabulary, and it
 * cannot tell counter-speech or quotation from the real thing in every case.
 */
final class HarmfulDetector implements Detector {

    private final LinearTextModel model;

    /** @param model the classifier consulted when no rule matches, or null for rules only */
    HarmfulDetector(LinearTextModel model) {
        this.model = model;
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private record Rule(String type, Severity severity, double confidence, Pattern pattern) {
    }

    private static Rule r(String type, Severity severity, double confidence, String regex) {
        return new Rule(type, severity, confidence, Pattern.compile(regex, FLAGS));
    }

    private static final String ASK = "(how (do|can|could|would|should|might|to)|how's|what('s| is| are)? the (best|easiest|quickest|fastest|most effective|safest|cheapest|simplest)|best way|easiest way|ways? to|steps? to|tips (on|for)|guide (to|on|for)|instructions? (for|on|to)|tutorial|teach me|show me|tell me how|walk me through|talk me through|take me through|help me|explain how|i want to|i need to|i'm going to|i am going to|i wanna|i plan to|where (can|do) i|give me|write|create|generate|draft|compose|make me|can you|could you|is it possible to|which [\\w' -]{1,30}? (is|are|would be|works?) (the )?(best|most effective|easiest) (for|to)"
            // the imperative openings of harmful-behaviour benchmarks ("Design a weapon ...", "Develop a plan for ...")
            + "|design|develop|outline|provide|devise|demonstrate|instruct|teach|come up with|produce"
            // "ways of killing", "suggest methods for", "conduct a phishing attack", "give step-by-step instructions for"
            + "|(ways?|methods?|means) (of|for)|suggest|conduct|carry out|launch|give (me |us )?((detailed|step-by-step|clear) )?(instructions|guidance|tips|steps|advice|a tutorial|a guide))";
    private static final String NEAR = "[^.!?\\n]{0,80}?";
    /** Mass-harm weapons and agents; compounds and figures of speech excluded ("bath bomb", "explosive growth"). */
    private static final String WEAPON = "((?<!(bath|photo|seed|glitter|stink|smoke|cherry|truth|water|love|calorie|time|sex|f) )bombs?|explosives?\\b(?! (growth|performance|flavou?rs?|speed|power|results|sales|start|personality|temper|situation|news)\\b)|ieds?|pipe bombs?|grenades?|detonators?|napalm|thermite|molotovs?|nerve agents?|sarin|vx|ricin|anthrax|botulinum|smallpox|plague|bioweapons?|biological weapons?|chemical weapons?|nuclear (weapons?|bombs?|devices?)|(fission|fusion|atomic|hydrogen|neutron|cobalt|suitcase|nail|car|truck) bombs?|dirty bombs?|radiological (weapons?|devices?|material)|enriched uranium|weapons-grade \\w+|plutonium|mustard gas|chlorine gas|toxic gas|poison gas|nerve gas|(radiological|chemical|biological|nuclear) (attacks?|agents?|terror\\w*)|bioterror\\w*|tatp|c-?4|semtex|ammonium nitrate|pathogens?|weaponi[sz]ed \\w+|toxins?)";
    /** Making, getting or setting off: what turns a mention of a weapon into a request for one. */
    private static final String MAKE = "(make|making|build|building|create|creating|develop\\w{0,12}|synthesi[sz]\\w{0,12}|produc\\w{0,12}|assembl\\w{0,12}|construct\\w{0,12}|manufactur\\w{0,12}|obtain\\w{0,12}|acquir\\w{0,12}|buy|buying|purchas\\w{0,12}|source|get hold of|grow|growing|cultur\\w{0,12}|cultivat\\w{0,12}|weaponi[sz]\\w{0,12}|deploy\\w{0,12}|detonat\\w{0,12}|releas\\w{0,12}|spread\\w{0,12}|dispers\\w{0,12}|aerosoli[sz]\\w{0,12}|enrich\\w{0,12}|smuggl\\w{0,12}|plant\\w{0,12}|set off|setting off|extract\\w{0,12}|refin\\w{0,12}|mix\\w{0,12}|cook\\w{0,12}|brew\\w{0,12}|rig|rigging|trigger\\w{0,12})";
    /**
     * What follows a violent verb in its safe senses: processes and programs, pests and germs, photos and
     * films, games, records, problems, idioms ("kill time", "beat the traffic", "kill it at the interview").
     * A negative lookahead after the verb, after up to three determiners or adjectives.
     */
    /** The determiners and adjectives a violent verb's safe object may have before it (at most two). */
    private static final String OBJECT_LEAD = "((a|an|the|this|that|these|those|my|your|all|every|some|off|any|its|their|our|his|her|time[- ]lapse|good|great|nice|better|quick|short|long|new|hanging|stuck|running|old|little|stubborn|child|zombie|background|whole|fresh|big|small|live|dead|annoying|pesky)\\s+){0,2}(\\w+\\s+)?";
    /** The safe objects themselves (an alternation). */
    private static final String SAFE_THING = "(process(es)?|tasks?|jobs?|threads?|programs?|apps?|applications?|services?|daemons?|sessions?|commands?|scripts?|quer(y|ies)|functions?|servers?|containers?|pods?|instances?|connections?|ports?|switch(es)?|engines?|motors?|lights?|music|sound|noise|power|batteries|battery|time|mood|vibe|buzz"
            + "|weeds?|bugs?|bacteria|germs|microbes|virus(es)?|mold|mould|fungus|fleas|ticks|ants|pests?|lice|roaches|cockroaches|mosquito(e)?s|flies|termites|mice|rats|slugs|snails|aphids"
            + "|photos?|photographs?|pictures?|pics|images?|videos?|films?|movies?|scenes?|portraits?|weddings?|footage|selfies?|hoops?|baskets?|emails?|messages?|questions?|shots?|rapids|breeze"
            + "|credit|score|chances|reputation|sales|budget|feelings|ego|pride|game|games|level|levels|boss|bosses|enemy|enemies|zombies?|monsters?|mobs?|creepers?|dragons?|npcs?|sprites?|record|personal best|personal record|best time|high score|heat|traffic|odds|eggs?|deadline|clock|competition"
            // sport and business senses ("shoot a basketball", "attack the market")
            + "|markets?|market share|basketballs?|footballs?|balls?|free throws?|three-pointers?|layups?|hoop|arrows?|skeet|clay pigeons?|puck"
            // pests, food, toys, sport, chess, money and moods in the singular too ("kill a mosquito", "gut a fish", "stab a balloon",
            // "shoot a goal", "attack the queen", "strangle options")
            + "|mosquito|fly|wasps?|hornets?|bees?|spiders?|moths?|gnats?|flea|tick|bed ?bugs?|beetles?|caterpillars?|grubs?|ant|termite|cockroach|roach|silverfish|earwigs?|aphid|mites?|slug|snail|mouse|rat|moles?|voles?|gophers?|rodents?|vermin|weed|dandelions?|nests?|hives?|infestations?"
            + "|fish|trout|salmon|cod|tuna|chicken|turkey|duck|potato(es)?|steak|meat|garlic( cloves?)?|cloves?|onions?|pumpkins?|melons?|watermelons?|coconuts?|lobsters?|crabs?|shrimp|prawns?|tomato(es)?|dough|ice|nuts?|walnuts?|almonds?|deer|pig|hog"
            + "|balloons?|pi[ñn]atas?|bubble ?wrap|air mattress(es)?|pillows?|cans?|bottles?|boxes|cardboard|walls?|glass|ice cubes?"
            + "|goals?|penalt(y|ies)|penalty kicks?|free kicks?|corners?|serves?|putts?|bull'?s-?eye|clay|rooks?|pawns?|checkmate|options|stocks?|shares|trades?|spreads?"
            + "|silence|boredom|debt|doubts?|fears?|habits?|stress|procrastination|myths?|rumou?rs?|thirst|hunger|cravings?|tabs?|windows?|cache|partitions?|drives?"
            + "|calories|fat|cds?|dvds?|discs?|disks?|candles?|incense|bridges|problems?|issues?|challenges?|day|mystery|mysteries|it (at|on)|(you|him|her|them|me|us|everyone) at)";
    private static final String SAFE_OBJECT = "(?!\\s+" + OBJECT_LEAD + SAFE_THING + "\\b)";

    private static final String MINOR = "(child|children|kid|kids|minor|minors|underage|under-age|preteen|pre-teen|toddler|infant|little (girl|boy)|young (girl|boy)|schoolgirl|schoolboy|(1[0-7]|[1-9])[- ]?(year[- ]old|yo)\\b|teen|teenage|teenager|pupil|students? (in|at) (middle|elementary|primary))";
    private static final String SEXUAL = "(sex|sexual|sexually|nude|nudes|naked|porn|pornographic|erotic|explicit|intimate|molest|grope|fondl|seduc|aroused|lewd|nsfw|genital|orgasm|masturbat|groom(ing)?)";
    private static final String IDENTITY = "(women|woman|girls|men|gays?|lesbians?|trans( people| women| men)?|transgender|bisexuals?|queers?|black( people)?|blacks|whites|asians?|jews|jewish( people)?|muslims?|christians?|hindus?|immigrants?|refugees?|migrants?|foreigners|disabled( people)?|the disabled|retards?|mexicans?|arabs?|africans?|chinese|indians?|latinos?|hispanics?|gypsies|roma|homosexuals?|atheists?|catholics?)";

    /**
     * A person, people or a place full of them as the object of a violent verb: someone, a relative or acquaintance, an
     * office holder, a crowd, a family, a town; or a part of someone's body ("someone's kneecaps").
     */
    private static final String PERSON = "(((a|an|the|my|our|his|her|their|your|this|that|some|every|all( the)?|whole|entire|local|own|ex|ex-) ){0,3}"
            + "((?!(without|with|from|for|to|in|on|at|by|of|and|or|but|so|if|when|while|because|than|that|who|which)\\b)[\\w-]+ ){0,2}?"
            + "(someone|somebody|anyone|everyone|people|persons?|humans?|humanity|mankind|man|men|woman|women|girls?|boys?|guys?|child|children|kids?|bab(y|ies)|famil(y|ies)"
            + "|wife|husband|spouse|partner|girlfriend|boyfriend|brother|sister|mother|mom|mum|father|dad|step(father|mother|dad|mom|son|daughter)|sons?|daughters?|parents?|grand(mother|father|ma|pa|parents?)"
            + "|uncle|aunt|cousin|neighbou?rs?|boss|manager|co-?workers?|colleagues?|classmates?|teachers?|students?|room-?mates?|friends?|landlord|tenants?|rivals?|mayor|president|prime minister"
            + "|politicians?|senator|governor|judge|cops?|police(men| officers?)?|officers?|witness(es)?|jogger|strangers?|pedestrians?|passengers?|crowds?|protesters?|civilians?|soldiers?|hostages?"
            + "|villages?|towns?|city|cities|neighbou?rhoods?|population|school|hospital|church|mosque|synagogue|temple|concert|stadium|airport|army base|embassy|parliament|government building)\\b"
            + "|(someone|somebody|a person|people|him|her|them|my [\\w-]+)'?s? ([\\w-]+ )?(face|head|skull|kneecaps?|knees?|legs?|arms?|ribs?|neck|jaw|teeth|nose|hands?|fingers?|throat|spine|back)\\b)";
    /** Groups of people by religion, ethnicity, sexuality, gender, disability, age, class or family status, and migrants. */
    private static final String GROUP = "(" + IDENTITY.substring(1, IDENTITY.length() - 1)
            + "|sikhs?|buddhists?|mormons?|protestants?|pagans?|indigenous( people)?|native americans?|aboriginals?|latinas?|latinx|asian people|chinese people|japanese people|koreans?|african americans"
            + "|white people|gay (people|men|couples)|asexuals?|asexual people|bisexual people|non-?binary people|queer people|lgbtq?\\+?( people)?|people with disabilities|autistic people|deaf people|blind people"
            + "|elderly( people)?|old people|older people|the elderly|seniors|pensioners|homeless( people)?|poor people|the poor|people on (benefits|welfare)|welfare recipients|single (mothers|mums|moms|parents)"
            + "|divorced (people|women|men)|asylum seekers|fat people|obese people|overweight people|people of colou?r|ethnic minorities|religious minorities)";

    /** Someone in the asker's life whose private data the asker has no right to. */
    private static final String RELATION = "(wife|husband|spouse|partner|girlfriend|boyfriend|ex|fianc[eé]e?|brother|sister|sibling|mother|mom|mum|father|dad|step(father|mother|dad|mom|mum)|parents?|son|daughter|child|kid|cousin|uncle|aunt"
            + "|grand(ma|pa|mother|father)|neighbou?rs?|boss|manager|supervisor|co-?worker|colleague|employee|employer|student|classmate|room-?mate|flatmate|housemate|friend|landlord|tenant|rival|competitor"
            + "|crush|date|officer|maid|nanny|servant|babysitter|teacher)";
    /** Private data: credentials, messages, identity numbers, money, health, beliefs. */
    private static final String PRIVATE = "(((e-?mail|account|wifi|wi-fi|phone|laptop|computer|iphone|android) )?(passwords?|passcodes?|pins?|pin codes?|login( details| credentials)?|credentials)|browsing history|search history"
            + "|(text |private |direct )?messages|texts|dms|emails|e-mails|inbox|chats|diary|journal|phone number|mobile( phone)? number|cell( phone)? number|home address|address|whereabouts"
            + "|social security( number)?|ssn|driver'?s licen[cs]e( number)?|passport( number)?|tax (records|returns?|information)|bank (statements?|details|account( number)?|balance)|account numbers?"
            + "|credit card( numbers?| details)?|medical (records|history|conditions?)|health records|diagnosis|prescriptions|birth certificate|date of birth|religio(n|us (beliefs|views))"
            + "|political (affiliation|views|beliefs|leanings|party)|sexual orientation|criminal record|salary|income|net worth|ip address)";
    /** Atrocities, attacks and their perpetrators, as what a "why was ... right" question may praise. */
    private static final String ATROCITY = "(massacres?|genocides?|holocaust|slave trade|slavery|terrorism|terrorist attacks?|lynch(ing|ings)|apartheid|ethnic cleansing|internment|extermination|hitler|nazis?|isis|al-?qaeda|kkk"
            + "|khmer rouge|taliban|pogroms?|atrocit(y|ies)|war crimes?|(mass |school |nightclub |church |concert )?shootings?|bombings?|9/11|attacks on|the attacks?|rapes?|murders? of)";
    /** Atrocities and regimes a text may claim benefits for. */
    private static final String ATROCITY_NAMED = "(genocides?|holocaust|slavery|slave trade|ethnic cleansing|apartheid|khmer rouge|nazi (rule|regime|germany|occupation|ideology)|taliban'?s? (rule|regime)|isis'?s? (rule|regime)"
            + "|pogroms?|gulags?|internment camps?|concentration camps?|massacres?|atrocities|terrorism|terrorist attacks?|jim crow|the inquisition)";
    /** Events whose denial is disinformation. */
    private static final String DENIED = "(holocaust|shoah|genocides?|massacres?|slave trade|slavery|ethnic cleansing|trail of tears|nanjing|nanking|killing fields|holodomor|famine|srebrenica|gulags?|atrocit(y|ies)"
            + "|moon landing|9/11|sandy hook|school shootings?|mass shootings?|pandemic|climate change)";
    /** Making or publishing something (a post, an app, a campaign) that then promotes, incites or spreads what follows. */
    private static final String MAKING = "\\b(write|create|design|develop|build|make|generate|produce|draft|compose|publish|post|share|start|run|launch|set up|code|program|record|film|craft|come up with)\\b[^.!?\\n]{0,60}?";
    /**
     * The match starts at the promoting verb (rare), the making verb (common) is looked for behind it, so that a making verb
     * alone starts no candidate.
     */
    private static final String PROMOTES = "((?<=" + MAKING + "\\b(that|which|to|designed to|meant to|aimed at|in order to|who)( (actively|openly|subtly|secretly|heavily|strongly|also))? )"
            + "(promot|incit|encourag|glorif|advocat|celebrat|normali[sz]|condon|spread|fuel|stir)\\w*"
            + "|(?<=" + MAKING + ")\\b(promoting|inciting|encouraging|glorifying|advocating|celebrating|normali[sz]ing|condoning|spreading|fuell?ing))\\b (\\w+ ){0,2}?";

    /** Not after / not before a Latin letter ({@code \\b} is ASCII-only from JDK 19 on, and these words have accents). */
    private static final String NL = "(?<![a-zà-öø-ÿ])";
    private static final String NR = "(?![a-zà-öø-ÿ])";
    /** Request phrases in Spanish, German, French, Italian and Portuguese. */
    private static final String ASK_ML = NL + "(c[oó]mo (puedo|podr[ií]a|hago|se hace|se fabrica|fabrico|hacer|preparo|consigo|conseguir)|d[oó]nde (puedo|se puede)|dime c[oó]mo"
            + "|expl[ií]ca(me)? c[oó]mo|ens[eé][ñn]ame a|wie (kann|k[oö]nnte) (ich|man)|wie (baue|mache|bekomme|stelle|finde) ich|wo kann ich|erkl[aä]re? mir,? wie"
            + "|comment (puis-je|peut-on|faire|fabriquer|fait-on|obtenir|pirater|empoisonner)|o[uù] (puis-je|peut-on)|explique(-moi)? comment"
            + "|come (posso|si fa|si fabbrica|si prepara|faccio|fare)|dove (posso|si pu[oò])|spiegami come|como (fa[cç]o|posso|se faz|fazer|fabricar|consigo)"
            + "|onde (posso|compro|consigo)|me explique como|ensina-me)" + NR;
    /** Poisoning, killing, stabbing, kidnapping, weapons and explosives in those languages (a water pump, "bomba de agua", is not a bomb). */
    private static final String HARM_ML_VIOLENT = NL + "(vergift\\w*|envenen\\w*|empoisonn\\w*|avvelen\\w*|t[oö]ten|t[oö]te|umbring\\w*|erstech\\w*|erschie[sß]\\w*|matar(le|la|lo)?|asesinar\\w*"
            + "|tuer|assassiner|uccider\\w*|ammazzar\\w*|apu[ñn]alar\\w*|poignarder|accoltellar\\w*|entf[uü]hr\\w*|secuestrar\\w*|kidnapper|rapire|sequestrar"
            + "|waffen?|armas?|armes?|fusils?|gewehre?|munici[oó]n|munition|munizion\\w*|molotov|sprengstoff\\w*|explosiv\\w*|esplosiv\\w*"
            + "|bombas?(?! (de|d'|da|di|per) (agua|[aá]gua|aire|ar|calor|gasolina|combustible|vac[ií]o|acqua|aria|calore|benzina|piscina|bicicleta|bici|insulina))|bomben?|bombes?)" + NR;
    /** Drugs, theft, burglary, laundering, forgery, fraud and hacking in those languages (chopping wood, "Holz hacken", is not hacking). */
    private static final String HARM_ML_CRIME = NL + "(metanfetamina|methamphetamin|m[eé]thamph[eé]tamine|crystal meth|meth|kokain|coca[ií]na|hero[ií]na|heroin|fentanil|fentanyl"
            + "|robar|roubar|stehlen|klauen|rubare|einbrechen|cambrioler|scassinare|blanquear|lavar (el )?dinero|lavar dinheiro|geld waschen|blanchir (de l'|l')?argent"
            + "|riciclare (denaro|soldi)|falsificar|f[aä]lschen|contrefaire|falsificare|estafar|betr[uü]gen|arnaquer|truffare|hackear"
            + "|(?<!(holz|fleisch|zwiebeln|petersilie|kr[aä]uter|gem[uü]se|eis) )hacken|pirater|piratear|hackerare|invadir)" + NR;

    private static final List<Rule> RULES = List.of(
            // child sexual content: any sexual term near a minor term
            r("CHILD_SEXUAL_CONTENT", Severity.CRITICAL, 0.9, "\\b" + MINOR + "\\w*\\b" + NEAR + "\\b" + SEXUAL + "|\\b" + SEXUAL + "\\w*\\b" + NEAR + "\\b" + MINOR + "\\b"),
            r("CHILD_SEXUAL_CONTENT", Severity.CRITICAL, 0.9, "\\b(cp|csam|child porn\\w*|pedo\\w*|paedo\\w*|loli\\w*|jailbait)\\b"),
            // grooming: getting someone else's child alone, into secrecy from their parents, or to send pictures
            r("CHILD_GROOMING", Severity.HIGH, 0.8, "\\b(get|getting|convinc\\w*|persuad\\w*|mak(e|ing)|talk(ing)?|trick\\w*|lur(e|ing)|entic\\w*|coax\\w*|invit\\w*|groom\\w*)\\b "
                    + "(a|an|the|this|that|some|her|his|their|(my |our )?neighbou?r'?s?) ((young|little|underage|shy|lonely) )?" + MINOR + "\\w* (in)?to "
                    + "(meet (me|us|up with me)( \\w+){0,2}? (alone|privately|in private|in secret|secretly)|be alone with (me|us)|come (over )?to my (house|place|apartment|room|car|hotel)"
                    + "|get in(to)? my car|keep (our|these|the|this|it|them)( \\w+)? (a )?secret|send (me|us) (\\w+ )?(pictures|photos|pics|selfies|videos|nudes)"
                    + "|take off (his|her|their) clothes|undress)"
                    + "|\\b(unsupervised|unmonitored) (access|contact|time) (to|with)\\b[^.!?\\n]{0,20}?\\b" + MINOR
                    + "|\\b" + MINOR + "\\w*\\b[^.!?\\n]{0,60}?\\b(without (his|her|their) (parents?|mom|mum|dad|family)'?s? (knowing|knowledge|finding out|permission|consent|noticing)"
                    + "|secret from (his|her|their) (parents?|mom|mum|dad|family))"),
            // mass-harm weapons (CBRNE)
            r("MASS_HARM_WEAPONS", Severity.CRITICAL, 0.9, "\\b" + ASK + "\\b" + NEAR + "\\b" + MAKE + "\\b[^.!?\\n]{0,40}?\\b" + WEAPON + "\\b"
                    + "|\\b" + WEAPON + "\\b[^.!?\\n]{0,30}?\\b(recipes?|instructions|blueprints?|formulas?|schematics?|step[- ]by[- ]step|tutorials?|how-?to|ingredients|materials list|parts list)\\b"
                    + "|\\b(recipes?|instructions|blueprints?|formulas?|schematics?|ingredients|materials|components|parts) (for|to make|to build|of|needed for|needed to make) (a |an |the |some |homemade |home-made |my own ){0,3}" + WEAPON + "\\b"
                    + "|\\b(fabricar|hacer|construir|fabriquer|faire|construire|fabbricare|costruire|fare|fazer|montar|preparar|préparer|preparare)\\b[^.!?\\n]{0,30}?\\b(bombas?|bombes?|explosivos?|explosifs?|esplosiv[oi]|granadas?|grenades?|molotov|napalm)\\b"
                    + "|\\b(bomben?|sprengstoffe?|sprengsatz|rohrbomben?|granaten?)\\b[^.!?\\n]{0,30}?\\b(bauen|baue|baut|herstellen|basteln|bastelt|zünden)\\b|\\b(bauen|baue|herstellen|basteln)\\b[^.!?\\n]{0,30}?\\b(bomben?|sprengstoff|sprengsatz|rohrbomben?)\\b"),
            // intent without a request phrase ("we are planning on making a dirty bomb"), use against people, maximal harm
            r("MASS_HARM_WEAPONS", Severity.CRITICAL, 0.9, "\\b(plan(s|ning|ned)? (on|to)|thinking (of|about)|intend(s|ed|ing)? to|going to|gonna|trying to|about to|in order to|should (i|we)|can (i|we)|could (i|we)|(steps|procedures?|process|methods?|techniques?)( involved)? (in|for|of|to))\\b[^.!?\\n]{0,30}?\\b" + MAKE + "\\b[^.!?\\n]{0,40}?\\b" + WEAPON + "\\b"
                    + "|\\b(use|using|utiliz\\w{0,6}|deploy\\w{0,6}|unleash\\w{0,6})\\b[^.!?\\n]{0,30}?\\b" + WEAPON + "\\b[^.!?\\n]{0,40}?\\b(against|on (a|the|people|civilians|crowds?|protesters)|at (a|the) (protest|rally|concert|school|stadium|crowd)|to (kill|hurt|harm|attack|terrori[sz]e|frighten|scare|maim|poison|wipe out)|in (a|the) (crowd|subway|city|school|stadium|mall))\\b"
                    + "|\\b(blow(ing)? up|blast(ing)?|destroy(ing)?|level(ing|ling)?|take out|attack(ing)?)\\b[^.!?\\n]{0,40}?\\bwith (a|an|the|some|my|our)\\b[^.!?\\n]{0,20}?\\b" + WEAPON + "\\b"
                    + "|\\b" + WEAPON + "\\b[^.!?\\n]{0,60}?\\b(maximi[sz]\\w*|casualt\\w*|deadliest|most (lethal|damage|deaths|people))|\\b(maximi[sz]\\w{0,6}|deadliest|most lethal)\\b[^.!?\\n]{0,60}?\\b" + WEAPON + "\\b"),
            // violence and weapons
            r("VIOLENCE", Severity.HIGH, 0.8, "\\b" + ASK + "\\b" + NEAR + "\\b(?<!\\bnot )(?<!\\bnot to )(?<!\\bnever )(?<!n't )(kill(s|ed|ing|er|ers)?|murder(s|ed|ing|ers?)?|stab(s|bed|bing)?|shoot(s|ing)?|strangl(e|es|ed|ing)|suffocat\\w*|poison(s|ed|ing)?|tortur(e|es|ed|ing)|kidnap\\w*|abduct\\w*|maim\\w*|assault\\w*|beat(ing)? up|attack(s|ed|ing)?|hurt(s|ing)?|injur(e|es|ed|ing)|slaughter\\w*|behead\\w*|execute (him|her|someone|somebody|people|prisoners?|hostages?|civilians?|traitors?)|assassinat\\w*|massacre\\w*|dismember\\w*|(dispose of|get rid of|hide|dump|dissolve) (a|the) (dead )?(body|corpse)(?! (odou?r|hair|fat|acne|lotion|wash|spray|shop|image|heat|weight|aches?|pain))|get away with murder|run over|burn(ing)? down|set fire)\\b" + SAFE_OBJECT),
            r("VIOLENCE", Severity.HIGH, 0.8, "\\b(i('m| am)? (going|gonna|want|plan(ning)?) to|i will|i'll|let's|lets)\\b" + NEAR + "\\b(kill(s|ed|ing)?|murder(s|ed|ing)?|stab(bed|bing)?|shoot(ing)?|hurt(ing)?|beat(ing)?|attack(ed|ing)?|rap(e|ed|ing)|tortur(e|ed|ing)|strangl(e|ed|ing)|poison(ed|ing)?|bomb(ed|ing)?)\\b" + SAFE_OBJECT),
            r("VIOLENCE", Severity.HIGH, 0.75, "\\b" + ASK + "\\b" + NEAR + "\\b(gun|handgun|shotgun|revolver|firearm|rifle|pistol|ammunition|ammo|silencer|suppressor|ghost gun|untraceable|3d[- ]printed gun|auto sear|full[- ]auto|machine gun|weapon|knife|switchblade|crossbow)s?\\b"),
            r("VIOLENCE", Severity.HIGH, 0.75, "\\b(school shooting|mass shooting|terror(ist|ism)? attack|hostage|human trafficking|sex trafficking|genocide|ethnic cleansing|lynch\\w*|rape|raping|raped)\\b"),
            // threats, drugging someone, fire set where people are
            r("VIOLENCE", Severity.HIGH, 0.75, "\\b(write|draft|compose|create|generate|send|make|help me (write|draft|send))\\b (me )?((a|an|the|some|my|this|short|anonymous|scary|real|serious|credible|convincing) ){0,3}(threat(ening)?|intimidating|menacing|death[- ]threat)\\w* (letters?|messages?|notes?|e-?mails?|texts?|voicemails?|posts?|comments?|dms?|tweets?)\\b"
                    + "|\\b(write|draft|compose|create|send|help me (write|draft|send))\\b[^.!?\\n]{0,30}?\\b(messages?|letters?|notes?|e-?mails?|texts?|voicemails?|posts?|comments?|dms?|tweets?) "
                    + "(threatening|to threaten|intimidating|to intimidate|to scare|to frighten|to terrify) (him|her|them|someone|somebody|(my|our|his|their) \\w+|the (guy|girl|man|woman|person|witness|neighbou?r|judge|juror|journalist))\\b"
                    + "(?![^.!?\\n]{0,40}\\bwith (legal|a lawsuit|court|small claims|a complaint|eviction|the police|police)\\b)"
                    + "|\\b(spik(e|ing)|drug(ging)?|roofie?(ing)?|dos(e|ing)|slip(ping)? (something|a pill|pills|drugs|roofies|ghb|rohypnol|xanax|a sedative|sedatives) (in|into))\\b (someone|somebody|a (girl|guy|woman|man|stranger|date)|her|his|their|my \\w+|the (girl|guy|woman|man))('s)? (drinks?|coffee|tea|food|beer|wine|cocktail|glass)\\b"
                    + "|\\b(roofie?|drug)(s|ing|ged)? (her|him|them|someone|somebody|a (girl|guy|woman|man|date)|my (date|wife|husband|girlfriend|boyfriend))\\b(?!'s)"),
            r("VIOLENCE", Severity.HIGH, 0.75, "\\b" + ASK + "\\b" + NEAR + "\\b(start|set|light)(ing)? (a )?fires? (in|at|inside|to) (a |an |the |someone'?s |my \\w+'?s |his |her |their )?((crowded|occupied|packed|busy|full|neighbou?r'?s?|ex'?s?) )?(building|house|home|school|church|mosque|synagogue|temple|apartment|store|shop|office|hospital|theat(er|re)|club|bar|restaurant|warehouse|car|dorm)s?\\b(?! (fireplace|stove|grill|pit|oven|furnace|wood ?burner|boiler|chimney|hearth))"),
            // violent verbs the rules above lack, against a person, people or a place full of them ("eliminate my business partner",
            // "wipe out a town", "smash someone's kneecaps"); a thing, a debt or a goal as the object is not. Verbs of competition
            // ("beat", "eliminate", "take out") followed by "at" or "in" are a game ("beat my brother at chess")
            // (one rule, so that a request phrase starts one more candidate, not four)
            r("VIOLENCE", Severity.HIGH, 0.75, "\\b" + ASK + "\\b" + NEAR + "\\b(?<!\\bnot )(?<!\\bnot to )(?<!\\bnever )(?<!n't )((eliminat(e|ing)|beat(ing)?|smash(ing)?|tak(e|ing) out|knock(ing)? out|crush(ing)?) "
                    + PERSON + "(?! ((at|in|from|on)\\b|(to|for) (dinner|lunch|breakfast|a date|a meal|drinks|coffee|the movies|a movie|a walk|ice cream)))"
                    + "|(annihilat(e|ing)|obliterat(e|ing)|wip(e|ing) out|overpower(ing)?|snip(e|ing)|shatter(ing)?|break(ing)? open|chop(ping)? up|cut(ting)? up"
                    + "|chok(e|ing)|throttl(e|ing)|drown(ing)?|smother(ing)?|bludgeon(ing)?|decapitat(e|ing)|mutilat(e|ing)|disfigur(e|ing)|cripp?l(e|ing)|incapacitat(e|ing)|punch(ing)?|slap(ping)?|torch(ing)?"
                    + "|harm(ing)?|bomb(ing)?|blow(ing)? up|set(ting)? fire to|cause (serious |severe |physical |bodily |real |permanent |lasting |grievous )*(harm|injur(y|ies)|pain) (to|for)) "
                    + "(others\\b|" + PERSON + ")"
                    + "|(push(ing)?|shov(e|ing)|throw(ing)?) " + PERSON + " (off|down|out of|in front of|under|into)\\b"
                    + "|(chop(ping)?|cut(ting)?) up (a|the|his|her|their|my) (dead )?(body|corpse)\\b)"),
            // justifying or praising an atrocity or an attack ("why was the attack right", "the benefits of apartheid")
            r("VIOLENCE", Severity.HIGH, 0.7, "\\bwhy (was|were|is|are|the|a|an)\\b[^.!?\\n]{0,50}?\\b" + ATROCITY + "\\b[^.!?\\n]{0,40}?\\b(?<!not )(?<!n't )(?<!never )(right|justified|justifiable|a good thing|good|beneficial|heroic|admirable|morally (right|justified|acceptable))\\b"
                    + "|\\b(benefits|positives|positive (sides?|aspects|effects|outcomes|impacts?)|good (sides?|things|parts)|upsides?|advantages|bright sides?) (of|about|to|from) (the )?([\\w'-]+ ){0,4}?" + ATROCITY_NAMED + "\\b"),
            // making something that promotes violence or terrorism
            r("VIOLENCE", Severity.HIGH, 0.7, PROMOTES + "(violence|violent (acts|attacks|extremism|behaviou?r)|terrorism|terrorist (attacks|acts|groups|organi[sz]ations)|acts of (violence|terror)|genocide|ethnic cleansing|(school |mass )?shootings|animal cruelty|physical harm)\\b"),
            // self-harm
            r("SELF_HARM", Severity.HIGH, 0.85, "\\b(kill(ing)? myself|end(ing)? (my|it all|my own) ?(life)?|take my (own )?life|suicid\\w*|self[- ]harm\\w*|hurt(ing)? myself|cut(ting)? myself|harm(ing)? myself|starv(e|ing) myself|overdos\\w*|hang(ing)? myself|slit(ting)? my wrists?|jump(ing)? off (a|the) (bridge|building|roof)|don'?t want to (live|be alive)|want to die|better off dead|pro-?ana|thinspo\\w*|purg(e|ing) (after|food)|lethal dose|painless(ly)? (way|death|method)|never wake up( again)?(?! (tired|groggy|late|early|hungry|with|at|in the))|sleep forever)\\b"
                    + "|\\bhow (many|much)\\b[^.!?\\n]{0,40}?\\b(pills|tablets|capsules|insulin|tylenol|acetaminophen|paracetamol|ibuprofen|aspirin|xanax|oxy\\w*|opioids?|morphine|fentanyl|medications?|meds|painkillers)\\b[^.!?\\n]{0,40}?"
                    + "\\b(to (die|kill (me|myself|a person|someone|somebody|him|her)|never wake up|end (it|my life))|(would|will|could) (kill|be fatal|be lethal))\\b"
                    // in other languages (no \\b next to non-ASCII letters: it is ASCII-only on JDK 19+)
                    + "|(selbstmord|suizid|su[ií]c[ií]d|mich umbringen|me matar|matarme|quitarme la vida|me tuer|uccidermi|togliermi la vita|самоубийств|покончить с собой|убить себя|自杀|自殺|死にたい)"),
            // what to take to die; opening one's own arteries; making something that promotes self-harm or eating disorders
            r("SELF_HARM", Severity.HIGH, 0.8, "(?<=\\b(what|which)\\b[^.!?\\n]{0,25}?)\\b(can|could|should|do) i (take|swallow|drink|eat|inject|use|mix|overdose on|buy) to (die|end it|end my life|not wake up|never wake up|kill myself|stop living)\\b(?! for)"
                    + "|\\b(sever|slit|slice|slash|pierce|puncture)(ing)? (open )?(my|one'?s) (own )?([\\w-]+ )?(arter(y|ies)|veins?|wrists?|throat|jugular|carotid)\\b"),
            r("SELF_HARM", Severity.HIGH, 0.7, PROMOTES + "(self-?harm(ing)?|self-?injury|suicide|suicidal (thoughts|behaviou?r|ideation)|eating disorders?|anorexia|bulimia|pro-?ana|starving|extreme (dieting|fasting|weight loss)|dangerous dieting)\\b"),
            // urging someone else to harm themselves, or telling them the world is better off without them
            r("SELF_HARM", Severity.HIGH, 0.8, "\\b(convinc|persuad|encourag|urg|push|pressur|goad|bull(y|ie)|talk|tell|get|mak)\\w* (him|her|them|someone|somebody|people|(a|my|this|that|the) ((depressed|suicidal|sad|lonely|vulnerable|young|little|best|old|teenage|online) )?\\w+) (in)?to (go )?(kill|hurt|harm|cut|starve|hang|end) (himself|herself|themselves|yourself|his (own )?life|her (own )?life|their (own )?lives?)\\b"
                    + "|\\b(convinc|persuad|tell|remind|show|mak)\\w* (him|her|them|someone|somebody|(a|my|this|that|the) ((depressed|suicidal|sad|lonely|vulnerable|young|little|best|old|teenage) )?\\w+) that (everyone|the world|we|they|people|nobody|no one|his \\w+|her \\w+|their \\w+)( \\w+){0,2}? (would be|is|are|will be|'d be) better off (without (him|her|them)|if (he|she|they) (was|were) (dead|gone))\\b"),
            // hate: dehumanizing or violent statements about identity groups
            r("HATE", Severity.HIGH, 0.8, "\\b(all |those |these |most |the |fucking |dirty |filthy )?" + IDENTITY + "\\b (are|r|is) (all |just |nothing but |such |a |so |too |total |complete |absolute |fucking |like )*(scum|vermin|animals|rats|pigs|parasites|cockroaches|subhuman|sub-human|trash|garbage|filth|disgusting|inferior|worthless|evil|a plague|a disease|a cancer|cancer|savages|stupid|idiots|dumb|criminals|terrorists|pathetic|lesser|freaks|abominations?|monsters|rapists|dogs|apes|monkeys|retarded|useless|a waste|worthless|a burden|dirty)\\b"),
            r("HATE", Severity.HIGH, 0.8, "\\b(i (really |just |fucking |absolutely )?(hate|despise|detest|can't stand|loathe)|death to|kill all|exterminate|gas (the|all)|get rid of (all )?(the )?|deport all|eradicate|wipe out)\\b ?(all |the |those )?" + IDENTITY + "\\b"),
            r("HATE", Severity.HIGH, 0.8, "\\b" + IDENTITY + "\\b" + NEAR + "\\b(should|must|need to|deserve to|ought to) (all )?(be )?(die|be killed|be shot|be hanged|be exterminated|be gassed|be deported|burn|suffer|be locked up|be eradicated|not exist|not be allowed|go back|be wiped out|be sterili[sz]ed|disappear)\\b"),
            r("HATE", Severity.HIGH, 0.7, "\\b(no|never) " + IDENTITY + " (should|can|deserve|allowed)\\b|\\b(nigg(er|a)s?|fagg?ots?|kikes?|spics?|chinks?|trann(y|ies)|wetbacks?|ragheads?|towelheads?|sand ?niggers?|coons?|dykes?|retards)\\b"),
            r("HATE", Severity.HIGH, 0.75, "\\b(write|generate|create|compose|draft|give me|tell me|make( up)?|come up with|list|share|send me|say)\\b (me )?((a|an|some|few|more|the|your|\\d+|ten|five|three|funny|good|best|dark|short|new|list of|couple of|bunch of|few more) ){0,4}(racist|sexist|homophobic|transphobic|anti-?semitic|islamophobic|xenophobic|bigoted|hateful|misogynist(ic)?|derogatory|dehumani[sz]ing|ethnic) (jokes?|slurs?|insults?|memes?|rants?|remarks|comments|poems?|songs?|lyrics|stor(y|ies)|essays?|articles?|speech(es)?|propaganda|manifesto|tweets?|posts?|names|nicknames|stereotypes|chants?|limericks?)\\b"),
            // race science: a group named generically ("a certain ethnic group", "one race") ranked by birth
            r("HATE", Severity.HIGH, 0.75, "\\b(race|races|ethnic groups?|ethnicit(y|ies)|religions?|religious groups?|nationalit(y|ies)|minorit(y|ies)|genders?)\\b[^.!?\\n]{0,30}?\\b(is|are|being)\\b (genetically |naturally |biologically |inherently |intellectually |racially |morally |simply )?(inferior|superior|less intelligent|more intelligent|subhuman|less human|less evolved|more evolved)\\b"),
            // promoting supremacist or terrorist movements, or recruiting for them (runs only with a movement named near)
            r("HATE", Severity.HIGH, 0.75, "\\b(promot|glorif|recruit|advocat|celebrat|prais|support)\\w{0,12} [^.!?\\n]{0,30}?\\b(white supremac\\w*|white power|white nationalis\\w*|neo-?nazi\\w*|nazism|the kkk|ku klux klan|racial purity|ethnic cleansing|jihadis[mt]\\w*|isis|al-?qaeda|antisemitism|racism|genocide)\\b"),
            // arguing that a group of people should lose rights ("why should X not be allowed to vote"); a defence ("should not be paid less") is not
            r("HATE", Severity.HIGH, 0.75, "\\b(why (should|must|shouldn'?t|is it (best|better|a good idea|right|fair|good|preferable|only fair|justified) (for|that))|reasons? (why|that)|(argue|explain|prove|show|convince( \\w{1,20}){0,2}?) (that|why))\\b[^.!?\\n]{0,20}?\\b" + GROUP + "\\b[^.!?\\n]{0,25}?"
                    + "((?<!\\bwere )(?<!\\bwas )(?<!\\bwere)(?<!\\bwas)(not|never|n't) (be )?(allowed|permitted|given|granted|admitted|hired|employed|accepted|welcomed?|trusted)|(?<!\\bwere )(?<!\\bwas )(?<!\\bwere)(?<!\\bwas)(not|never|n't) (to )?(have|hold|run|vote|marry|adopt|serve|work|own|teach|drive|join|enter|attend|practi[cs]e|receive|be shown|appear|exist)"
                    + "|(?<!not )(?<!n't )(?<!never )be (denied|banned|barred|excluded|kicked|expelled|deported|segregated|sterili[sz]ed|interned|registered|tracked|monitored|profiled|fired|removed|stripped|forced|prevented|prohibited|stopped|discriminated|paid less|locked up|separated|disenfranchised)"
                    + "|go through extra|extra (security )?(checks|screening|scrutiny|searches)|earn less|(?<!not )(?<!n't )paid less|have fewer rights|(less|fewer) rights|lose (their|the) (right|vote|jobs?))\\b"),
            // making something that promotes hatred or discrimination
            r("HATE", Severity.HIGH, 0.7, PROMOTES + "(hate( speech)?|hatred|racism|racist (views|ideas|ideology|propaganda)|sexism|misogyny|anti-?semitism|homophobia|transphobia|islamophobia|xenophobia|discrimination|bigotry|white supremacy|(the )?oppression|dehumani[sz]ation)\\b"),
            // sexual content
            r("SEXUAL_CONTENT", Severity.MEDIUM, 0.7, "\\b" + ASK + "\\b" + NEAR + "\\b(porn\\w*|erotic\\w*|sex scene|sexual(ly)? (explicit|story|content|fantasy|roleplay)|explicit (story|content|scene)|nudes?|sext\\w*|smut|hentai|onlyfans|xxx)\\b|\\b(non-?consensual|revenge porn|deepfake (porn|nude)s?|upskirt|sex tape)\\b"),
            // crime
            r("CRIME", Severity.MEDIUM, 0.7, "\\b" + ASK + "\\b" + NEAR + "\\b(steal(s|ing)?(?! (the|a|my|your|his|her|their|some|someone'?s) (show|spotlight|limelight|base|bases|heart|hearts|glances?|kiss(es)?|look|looks|thunder|scene|moment)\\b)(?! (market share|customers|clients|ideas|a march|the deal)\\b)|(sell|fence|buy|move|launder|hide) stolen|shoplift\\w*|rob(s|bed|bing)? (a|an|the|my|your|his|her|their|this|that|someone|somebody|people|him|them|banks?|stores?|shops?|houses?|homes?|trains?|atms?|gas stations?|tourists?|pedestrians?|the elderly)|robber(s|y|ies)|burglar\\w*|break(ing)? into(?! (the |a |an )?([\\w-]+ )?(market|markets|industry|field|career|business|scene|world|mainstream|league|profession|sector|space|role|song|tears|laughter|a smile|a run|a sprint)\\b)|pick a lock|hotwir\\w*|launder(s|ed|ing)?(?! (\\w+ )?(clothes|clothing|laundry|shirts?|sheets|towels|linens?|garments?|jeans|fabric|sweaters?|uniforms?|bedding)\\b)|counterfeit\\w*|forg(e|es|ed|ing|ery|eries) ([\\w']+ ){0,2}?(documents?|signatures?|ids?|passports?|checks?|cheques?|money|bills|papers|prescriptions?|certificates?|diplomas?|licen[cs]es?|notes)"
                    + "|(fake|forged|phony|false) (driver'?s licen[cs]es?|licen[cs]es?|ids?|id cards?|passports?|documents?|money|bills?|banknotes|currency|diplomas?|degrees?|certificates?|prescriptions?|doctor'?s notes?|visas?|green cards?|social security cards?|birth certificates?|vaccin\\w* cards?|checks?|cheques?|badges?)|smuggl\\w*|traffick\\w*|evade (taxes|tax|police|the police|arrest)|tax evasion|embezzl\\w*|extort\\w*|blackmail\\w*|brib(e|es|ed|ing|ery)|fraud(s)?|defraud\\w*|scam(s|med|ming|mers?)?|con (someone|people|elderly)|ponzi|pyramid scheme|insider trading|cook (meth|crack)|(make|making|recipes? for( making)?) (meth\\w*|cocaine|heroin|lsd|mdma|ecstasy|crack( cocaine)?|fentanyl|ketamine|ghb|drugs)"
                    + "|synthesi[sz]e (meth\\w*|cocaine|heroin|lsd|mdma|fentanyl|drugs|ketamine|ghb|dmt|amphetamines?|opioids?)|grow (weed|marijuana|cannabis)|sell drugs|buy (drugs|cocaine|heroin|meth|guns?)|dark ?web|stalk(s|ed|ing|ers?)?|spy on|track (someone|my (wife|husband|girlfriend|boyfriend|partner|ex))"
                    + "|poach(es|ed|ing)?(?! (an |the |some |my )?(eggs?|salmon|fish|chicken|pears?|fruit)\\b)|arson\\w*|vandali[sz]\\w*|skim(ming|mers?)? (credit |debit )?cards?|card skimm\\w*|identity theft|steal (someone'?s )?identity|get away with|without getting caught|without being caught|not get caught|cheat (on )?(the|an|my) (exam|test|taxes)"
                    // cheating, tampering, evading the authorities, destroying evidence, doing anything illegally
                    + "|cheat(ing)? on (a|an|the|my|your) ([\\w-]+ )?(exams?|tests?|quiz(zes)?|midterms?|finals?)|(?<!from )tamper(ing)? with"
                    + "|evad(e|ing) ([\\w-]+ ){0,2}?(security|law enforcement|authorities|immigration|border( patrol| control)?|customs|police|detection|arrest|capture|sanctions)"
                    + "|avoid(ing)? (getting caught|detection|arrest|the police|law enforcement|the authorities)|(destroy(ing)?|destruction of|get(ting)? rid of) (the )?evidence|hit[- ]and[- ]run"
                    + "|infiltrat\\w* (a |an |the )?(secure|government|military|restricted|classified|police)|theft (of|from)|illegally|unlawfully"
                    + "|illegal (drugs|firearms|guns|weapons|substances|narcotics|steroids|copies|downloads|gambling|fireworks|wildlife|ivory|organs)|spies on)\\b"),
            r("CRIME", Severity.MEDIUM, 0.7, "\\b(without (getting|being) (caught|detected|noticed|traced)|avoid (getting caught|detection|the police|law enforcement)|untraceable|launder(ing|ed|s)? [^.!?\\n]{0,30}?\\b(money|cash|proceeds|funds|profits)|fake (id|passport|prescription|reviews)|counterfeit (money|bills|goods|currency))\\b"),
            // cyber abuse
            r("CYBER_ABUSE", Severity.MEDIUM, 0.75, "\\b" + ASK + "\\b" + NEAR + "\\b((?<!\\b(life|cooking|kitchen|productivity|travel|growth|budget|money|cleaning|study|beauty|home|parenting|health|sleep|diy|quick|simple|easy|clever|useful|handy|little|cool|smart|best|great|favou?rite) )hack(s|ed|ing|ers?)?|crack(s|ed|ing)?|breach\\w*|ddos\\w*|dos attack|phish\\w*|keylog\\w*|ransomware|malware|trojans?|rootkits?|botnets?|spyware|virus(es)?|worms?|exploit(s|ed|ing)?|sql injection|xss|brute[- ]forc\\w*|bypass (authentication|2fa|mfa|the login|security)|steal (passwords|credentials|cookies|data)|credential stuffing|zero[- ]days?|backdoors?|reverse shells?|payloads?|defac\\w*)\\b"
                    + "(?!\\s+((a|an|the|this|that|my|your|some|open|up|together)\\s+){0,2}(eggs?|nuts?|knuckles|back|neck|joints?|jokes?|smiles?|window|beers?|bottles?|books|growth|cocaine|opportunit(y|ies)|gaps?|trends?|momentum|interviews?|puzzles?|riddles?|case|niche|demand|marketing|strategy|strategies|productivity|life|sack|sleep|morning|routine|habits?|workflow|case|prototype|solution)\\b)"),
            // harassment: asking how to harass, bully, troll, humiliate, dox or spam someone (being harassed, stopping it, reporting it is not)
            r("HARASSMENT", Severity.MEDIUM, 0.7, "\\b" + ASK + "\\b" + NEAR + "\\b(?<!\\bnot )(?<!\\bstop )(harass(ing)?|cyber-?bull(y|ying)|bull(y|ying)(?! (sticks?|breeds?|dogs?|pit))|troll(ing)? (someone|somebody|people|him|her|them|my|his|their|a (person|user|streamer)|the (comments|forum))"
                    + "|humiliat(e|ing)|dox(x)?(ing)?|intimidat(e|ing)|defam(e|ing)|spam(ming)? (messages|e-?mails|texts|comments|calls|people|users|inboxes|someone)|spamming|swat(ting)? (someone|him|her|them|a streamer))\\b(?! (me|myself|us)\\b)"),
            // disinformation: fabricated news, evidence or sources; denying an atrocity in a piece of writing
            r("DISINFORMATION", Severity.MEDIUM, 0.7, "\\b(write|draft|compose|create|generate|produce|make( up)?|fabricate|invent|come up with|give me|help me (write|create|make))\\b (me )?((a|an|some|the|few|more|\\d+|convincing|realistic|believable|viral|persuasive|short|detailed) ){0,4}(fake|fabricated|false|made[- ]up|bogus|phony|forged|fraudulent)\\b (\\w+ ){0,2}?(news|headlines?|articles?|stud(y|ies)|evidence|quotes?|sources|citations|references|reviews?|testimonials?|tweets?|posts?|press releases?|endorsements?)\\b"
                    + "|\\bciting (fake|fabricated|made[- ]up|false|bogus|non-?existent|invented) (stud(y|ies)|sources|evidence|research|data|statistics|experts?|scientists?)\\b"
                    + "|\\b(write|draft|compose|create|generate|produce|make)\\b[^.!?\\n]{0,60}?\\b(arguing|claiming|saying|proving|stating|insisting|that)\\b[^.!?\\n]{0,40}?\\b(vaccines?|vaccination|covid(-?19)?|coronavirus|5g( towers?)?|chemtrails?|fluoride|climate change|global warming|the election|elections?)\\b[^.!?\\n]{0,40}?\\b(microchips?|chips|cause[sd]? autism|autism|hoax|fake|faked|staged|rigged|stolen|poison\\w*|mind control|sterili[sz]\\w*|spread\\w* (the )?(virus|coronavirus|covid)|causes? (covid|cancer|the virus)|not real|doesn'?t exist|does not exist)\\b"
                    + "|\\b(write|draft|compose|create|generate|produce)\\b[^.!?\\n]{0,60}?\\b(arguing|claiming|saying|proving|that)\\b[^.!?\\n]{0,30}?\\b(holocaust|shoah|genocide|massacre|moon landing|9/11|sandy hook)\\b[^.!?\\n]{0,30}?\\b(never happened|didn'?t happen|did not happen|(was|is|were) (a |an )?(hoax|myth|lie|fake|faked|staged|fabricat\\w*|false flag|inside job|exaggerat\\w*))"),
            // convincing people an atrocity never happened; making something that spreads misinformation or conspiracy theories
            r("DISINFORMATION", Severity.MEDIUM, 0.7, "(?<!\\b(people|some|they|deniers|others|who|many|historians|scholars|still) )\\b(prove|show|convince (\\w{1,20} ){0,2}?|make (\\w{1,20} ){0,2}?believe|argue|demonstrate|explain why|persuade (\\w{1,20} ){0,2}?)\\b[^.!?\\n]{0,50}?\\b" + DENIED
                    + "\\b[^.!?\\n]{0,40}?\\b(never happened|never took place|didn'?t happen|did not happen|didn'?t take place|(was|is|were) (a |an )?(complete |total |big |just )?(hoax|myth|lie|fake|faked|staged|fabricat\\w*|false flag|exaggerat\\w*|made up|invention|invented))"),
            r("DISINFORMATION", Severity.MEDIUM, 0.7, PROMOTES + "(misinformation|disinformation|fake news|propaganda|conspiracy theor(y|ies)|false (information|claims|narratives?|news|rumou?rs)|hoaxes|lies about)\\b"),
            // making something that urges drugs, drunk driving or risky stunts
            r("DANGEROUS_ACTIVITY", Severity.MEDIUM, 0.7, PROMOTES + "(drug use|(illegal |hard |recreational )?drugs|drunk driving|drinking and driving|binge drinking|underage drinking|risky (behaviou?r|sex|stunts)|dangerous (challenges?|stunts?|behaviou?r|activities))\\b"),
            // privacy abuse
            r("PRIVACY_ABUSE", Severity.MEDIUM, 0.7, "\\b(dox\\w*|find (out )?(where (\\w+ ){1,3}?(lives?|living|works?|is staying|stays|sleeps|goes to school|hangs out|parks)|someone'?s (home |house |real |current )?(address|location|phone( number)?|number|identity|name|workplace|school)|the (home )?address of|the phone number of)|home address of|(social security|credit card) numbers? of|track (someone|a person|my)'?s? (location|phone)|spy on (my|someone|a person))\\b"
                    // recording, tracking or reading people secretly
                    + "|\\bsecretly (record|track|monitor|spy|read|listen|film|photograph|access|install|collect|log)\\w*|\\b(record|track|monitor|film|read|collect|log)\\w* [^.!?\\n]{0,40}?\\bwithout (their|his|her|them|the (user|person|owner|employee)s?'?|users'?|anyone|people) (knowing|knowledge|consent|noticing|permission)\\b"),
            // someone else's private data asked for: "what is my sister's password", "find out my landlord's social security number"
            // (the match starts at the possessive, which is rare; the asking verb and "my" are looked for behind it)
            r("PRIVACY_ABUSE", Severity.MEDIUM, 0.7, "(?<=\\b(what('s| is| are| was)|tell me|give me|find( out)?|get|access|see|read|view|know|learn|look up|obtain|check|figure out|guess|crack|hack|steal|get into|log into|break into)\\b[^.!?\\n]{0,30}?"
                    + "\\b(my|our) (ex[- ]?)?([\\w-]{1,20} )?)\\b" + RELATION + "('s|') ((home|personal|private|new|current|cell|mobile|work|gmail|instagram|facebook|snapchat|tiktok|twitter|whatsapp|icloud|phone|bank|online|social media|apple|google|outlook|netflix|amazon|paypal|laptop|computer) ){0,2}"
                    + PRIVATE + "\\b"),
            // urging others into dangerous behaviour (drunk driving, drugs, vaping, starving)
            r("DANGEROUS_ACTIVITY", Severity.MEDIUM, 0.7, "\\b(encourag|urg|convinc|persuad|push|dar|challeng|pressur|inspir|motivat)\\w* (people|someone|somebody|others|users|teens|teenagers|kids|children|students|minors|young people|followers|viewers|readers|fans|my \\w+) to (go |start |try |keep |all )?(driv\\w* (drunk|high|while (drunk|intoxicated|high))|drink and drive|drunk driv\\w*|vap\\w*|smok\\w*|us(e|ing) drugs|do drugs|tak(e|ing) drugs|binge[- ]drink\\w*|starv\\w*|stop eating|purg\\w*|self-harm|cut themselves|skip (their )?(meds|medication)|play with (fire|guns)|text(ing)? while driving)\\b"),
            // Spanish, German, French, Italian, Portuguese: a request phrase, then poisoning, killing, weapons ...
            r("VIOLENCE", Severity.HIGH, 0.75, ASK_ML + "[^.!?¿¡\\n]{0,60}?" + HARM_ML_VIOLENT
                    + "|" + NL + "(armas?|armes?|waffen?|fusils?|pistolas?|pistolets?)" + NR + "[^.!?\\n]{0,40}?" + NL + "(sin licencia|sin permiso|ohne (lizenz|waffenschein|genehmigung)|sans (permis|autorisation)|senza (licenza|porto d'armi)|sem (licen[cç]a|porte))" + NR),
            // ... drugs, theft, laundering, forgery, fraud, hacking, or not getting caught
            r("CRIME", Severity.MEDIUM, 0.7, ASK_ML + "[^.!?¿¡\\n]{0,60}?" + HARM_ML_CRIME
                    + "|" + NL + "(sin que (me|nos) (pillen|atrapen|descubran)|sin ser (descubiert|vist|atrapad|pillad)[oa]|ohne erwischt zu werden|ohne dass es jemand merkt|sans (me|se) faire (prendre|attraper|remarquer)"
                    + "|sans [eê]tre (vu|d[eé]tect[eé])|senza (farmi|farsi) (beccare|scoprire|prendere)|senza essere (visto|scoperto)|sem ser (pego|descoberto|visto)|sem que ningu[eé]m (perceba|descubra))" + NR),
            // hateful writing against a group
            r("HATE", Severity.HIGH, 0.75, NL + "(escribe|escr[ií]beme|redacta|[eé]cri[st]|[eé]crivez|r[eé]dige|schreib\\w*|verfass\\w*|scrivi|componi|escreva|redija)" + NR
                    + "[^.!?\\n]{0,40}?" + NL + "(odio|haineu\\w*|haine|hass\\w*|hetze\\w*|d'odio|[oó]dio|racist\\w*|raciste\\w*|rassist\\w*|insultos?|insultes?|insulti|beleidigung\\w*)" + NR
                    + "[^.!?\\n]{0,30}?" + NL + "(contra|gegen|contre|contro|sobre|[uü]ber|sur|su|sugli|sulle)\\s+(los |las |les |die |gli |le |i |os |as )?"
                    + "(musulman\\w*|muslim\\w*|mu[çc]ulman\\w*|jud[ií]\\w*|juden|juif\\w*|ebre\\w*|judeu\\w*|negr\\w*|schwarze\\w*|noirs?|neri|inmigrante\\w*|einwanderer\\w*|ausl[aä]nder\\w*|immigr\\w*|imigrante\\w*"
                    + "|gitan\\w*|homosexu\\w*|schwule\\w*|gays?|trans\\w*|mujeres|frauen|femmes|donne|mulheres|refugiad\\w*|fl[uü]chtling\\w*|r[eé]fugi[eé]\\w*|rifugiat\\w*)" + NR));

    /**
     * The rules {@code \\b ASK \\b NEAR \\b(targets)} are tried at every request phrase ("could you", "write"),
     * and from each the lazy NEAR tries 80 lengths against the target alternation. A match's target starts at
     * most 27 (longest ASK phrase, literal) + 160 (NEAR: 80 code points, each up to 2 chars) chars after
     * the match start; an alternative after the targets ({@code |\\b(upskirt|...)}) starts with its own
     * literal. So a request phrase without a target's start literal within 200 chars starts no match.
     */
    private static final Map<Integer, RulePrefilter.Near> NEARS = askNears();

    private static Map<Integer, RulePrefilter.Near> askNears() {
        String prefix = "\\b" + ASK + "\\b" + NEAR;
        Map<Integer, RulePrefilter.Near> out = new HashMap<>();
        for (int r = 0; r < RULES.size(); r++) {
            String regex = RULES.get(r).pattern().pattern();
            if (regex.startsWith(prefix)) {
                Set<String> targets = RulePrefilter.startLiterals(regex.substring(prefix.length()));
                if (targets == null) {
                    throw new IllegalStateException("no target literals in rule " + r);
                }
                out.put(r, new RulePrefilter.Near(List.copyOf(targets), 200));
            }
        }
        // the second mass-harm rule: every alternative names a weapon within 230 chars of its start (the intent
        // phrase, at most 25 chars, then at most 30 + 40 code points around a making verb of at most 15 chars;
        // "blow up ... with a" at most 14 + 40 + 8 + 20 code points; "maximize" at most 11 + 60 code points;
        // or the weapon itself first), so an intent phrase without a weapon's start literal after it starts no match
        int intent = indexOfRule("thinking (of|about)");
        Set<String> weapons = RulePrefilter.startLiterals(WEAPON);
        if (weapons == null || out.containsKey(intent)) {
            throw new IllegalStateException("no weapon literals for rule " + intent);
        }
        out.put(intent, new RulePrefilter.Near(List.copyOf(weapons), 230));
        // the first mass-harm rule: its making verbs and recipe words are common, its weapons are not. Every
        // alternative names a weapon (or, in other languages, one of the nouns below) within 300 chars of its
        // start: a request phrase (at most 27 chars), 80 code points, a making verb (at most 24 chars), 40 code points
        int request = indexOfRule("materials list");
        Set<String> named = new java.util.LinkedHashSet<>(weapons);
        named.addAll(List.of("explosiv", "esplosiv", "granad", "granat", "grenade", "molotov", "napalm", "sprengst", "sprengs"));
        out.put(request, new RulePrefilter.Near(List.copyOf(named), 300));
        // promotion of a movement: its verbs are common ("support"), its movements are not; every match names one at most
        // 9 + 12 + 1 chars and 30 code points (up to 2 chars each) after its start
        int promotion = indexOfRule("glorif|recruit");
        out.put(promotion, new RulePrefilter.Near(List.of("white supremac", "white power", "white nationalis", "neo-nazi", "neonazi", "nazism",
                "the kkk", "ku klux klan", "racial purity", "ethnic cleansing", "jihadis", "isis", "al-qaeda", "alqaeda", "antisemitism",
                "racism", "genocide"), 90));
        // denying an atrocity: the event is named at most 57 (the longest opening) + 100 (50 code points) chars in
        out.put(indexOfRule("never took place"), new RulePrefilter.Near(List.copyOf(RulePrefilter.startLiterals(DENIED)), 170));
        // a group losing rights: the group is named at most 55 (the longest opening) + 1 + 40 (20 code points) chars in
        out.put(indexOfRule("disenfranchised"), new RulePrefilter.Near(List.copyOf(RulePrefilter.startLiterals(GROUP)), 110));
        return out;
    }

    private static final RulePrefilter PREFILTER = new RulePrefilter(RULES.stream().map(Rule::pattern).toList(), Map.of(), NEARS);

    /** The first match of every rule, as (start, end) or null, for tests comparing with plain find(). */
    static int[][] firstMatches(String s) {
        RulePrefilter.Scan scan = PREFILTER.scan(s);
        int[][] out = new int[RULES.size()][];
        for (int r = 0; r < out.length; r++) {
            Matcher m = scan.find(r);
            out[r] = m == null ? null : new int[] {m.start(), m.end()};
        }
        return out;
    }

    static List<Pattern> rulePatterns() {
        return RULES.stream().map(Rule::pattern).toList();
    }

    /** How many rules run with a Near window (for tests). */
    static int askRules() {
        return NEARS.size();
    }

    private static final AhoCorasick CUES = AhoCorasick.of(List.of(
            "sex", "nude", "naked", "porn", "erotic", "explicit", "intimate", "molest", "grope", "fondl", "seduc", "arous", "lewd",
            "nsfw", "genital", "orgasm", "masturbat", "groom", "csam", "pedo", "paedo", "loli", "jailbait", "cp",
            "bomb", "explosive", "ied", "grenade", "detonat", "napalm", "thermite", "molotov", "nerve", "sarin", "vx", "ricin",
            "anthrax", "botulinum", "smallpox", "plague", "weapon", "nuclear", "radiolog", "uranium", "plutonium", "gas", "tatp",
            "c4", "c-4", "semtex", "ammonium", "pathogen", "casualt", "toxin",
            "kill", "murder", "stab", "shoot", "strangl", "suffocat", "poison", "tortur", "kidnap", "abduct", "maim", "assault",
            "beat", "attack", "hurt", "injur", "slaughter", "behead", "execut", "assassin", "massacre", "dismember", "body",
            "run over", "burn", "fire", "rape", "gun", "firearm", "rifle", "pistol", "ammo", "ammunition", "silencer", "suppressor",
            "untraceable", "auto sear", "full auto", "full-auto", "knife", "switchblade", "crossbow", "shooting", "terror", "hostage",
            "traffick", "genocide", "cleansing", "lynch", "myself", "my life", "it all", "suicid", "self harm", "self-harm", "die",
            "dead", "live", "alive", "overdos", "wrist", "jump off", "ana", "thinspo", "purg", "lethal", "painless",
            "scum", "vermin", "animals", "rats", "pigs", "parasite", "cockroach", "subhuman", "trash", "garbage", "filth",
            "disgusting", "inferior", "worthless", "evil", "disease", "cancer", "savage", "stupid", "idiot", "dumb", "criminal",
            "terrorist", "pathetic", "lesser", "freak", "abomination", "monster", "rapist", "dogs", "apes", "monkeys", "retard",
            "useless", "waste", "burden", "dirty", "hate", "despise", "detest", "can't stand", "loathe", "death to", "extermin",
            "get rid of", "deport", "eradicat", "wipe out", "should", "must", "need to", "deserve", "ought", "never", "nigg",
            "fag", "kike", "spic", "chink", "tranny", "trannies", "wetback", "raghead", "towelhead", "coon", "dyke",
            "sext", "smut", "hentai", "onlyfans", "xxx", "consensual", "deepfake", "upskirt",
            "steal", "shoplift", "rob", "burglar", "break into", "lock", "hotwire", "launder", "counterfeit", "forge", "fake",
            "smuggl", "evade", "evasion", "embezzl", "extort", "blackmail", "brib", "fraud", "scam", "con ", "ponzi", "pyramid",
            "insider", "meth", "cocaine", "heroin", "lsd", "mdma", "crack", "fentanyl", "drug", "synthesi", "weed", "marijuana",
            "cannabis", "dark web", "darkweb", "stalk", "spy", "track", "poach", "arson", "vandal", "skim", "identity", "get away",
            "caught", "detect", "noticed", "traced", "police", "law enforcement", "cheat",
            "hack", "breach", "ddos", "dos attack", "phish", "keylog", "ransomware", "malware", "trojan", "rootkit", "botnet",
            "spyware", "virus", "worm", "exploit", "sql", "xss", "brute", "bypass", "password", "credential", "cookie",
            "zero day", "zero-day", "backdoor", "shell", "payload", "deface", "dox", "address", "phone number", "social security",
            "credit card", "location", "selbstmord", "suizid", "suicíd", "suícid", "umbringen", "me matar", "matarme", "quitarme", "me tuer",
            "uccidermi", "togliermi", "самоубийств", "покончить", "убить себя", "自杀", "自殺", "死にたい", "bomba", "bombe", "explosiv",
            "esplosiv", "granad", "granat", "sprengs", "basteln", "herstellen", "bauen", "threat", "intimidat", "menacing", "spik", "roofie",
            "dose", "dosing", "slip", "convinc", "persuad", "encourag", "urg", "push", "pressur", "goad", "bull", "talk", "tell", "get ", "mak",
            "remind", "show", "racist", "sexist", "homophob", "transphob", "semitic", "islamophob", "xenophob", "bigot", "hateful", "misogyn",
            "derogatory", "dehumani", "ethnic", "fabricat", "made up", "made-up", "bogus", "phony", "forged", "citing", "holocaust",
            "shoah", "massacre", "moon landing", "9/11", "sandy hook", "find",
            "superior", "supremac", "white power", "nationalis", "nazi", "kkk", "klux", "racial purity", "jihad", "isis", "qaeda", "antisemit",
            "racism", "microchip", "5g", "vaccin", "covid", "coronavirus", "chemtrail", "fluoride", "climate", "global warming", "election",
            "secretly", "without", "drunk", "drink and drive", "vap", "smok", "binge", "starv", "stop eating", "meds", "medication",
            "play with", "texting", "evolved", "recipe", "unsupervised", "unmonitored", "corpse", "secret", "sleep forever", "trick", "lure",
            "luring", "entic", "coax", "invit", "fatal", "end it",
            // Spanish, German, French, Italian, Portuguese
            "vergift", "envenen", "empoison", "avvelen", "töte", "tote", "umbring", "erstech", "erschie", "matar", "asesin", "tuer", "assassin",
            "uccid", "ammazz", "apuñal", "apunal", "poignard", "accoltell", "entführ", "entfuhr", "secuestr", "kidnapp", "rapire", "sequestr",
            "waffe", "arma", "arme", "fusil", "gewehr", "munici", "munition", "muniz", "sprengstoff", "explosiv", "esplosiv", "bomb",
            "metanf", "methamph", "méthamph", "kokain", "cocaí", "cocai", "heroí", "heroi", "fentan", "robar", "roubar", "stehlen", "klauen",
            "rubare", "einbrechen", "cambrioler", "scassinare", "blanquear", "dinero", "dinheiro", "geld waschen", "blanchir", "riciclare",
            "falsific", "fälschen", "falschen", "contrefaire", "estafar", "betrüg", "betrug", "arnaquer", "truffare", "hacke", "pirat", "invadir",
            "pillen", "atrapen", "descubran", "descubiert", "atrapad", "pillad", "erwischt", "jemand merkt", "faire prendre", "faire attraper",
            "faire remarquer", "être vu", "etre vu", "détect", "beccare", "scoprire", "farmi prendere", "farsi prendere", "essere visto",
            "essere scoperto", "pego", "descoberto", "ser visto", "perceba", "descubra", "odio", "ódio", "haine", "haineu", "hass", "hetze",
            "raciste", "rassist", "insult", "beleidig",
            // the 2026-11-25 rules: violent verbs with a person, praise of atrocities, promotion, private data, denial, illegality, harassment
            "eliminat", "annihilat", "obliterat", "wipe out", "wiping out", "take out", "taking out", "overpower", "snip", "smash", "shatter",
            "break open", "breaking open", "chop", "cut up", "cutting up", "chok", "throttl", "drown", "smother", "bludgeon", "decapitat", "mutilat",
            "disfigur", "cripl", "crippl", "incapacitat", "knock", "crush", "punch", "slap", "torch", "harm", "blow", "push", "right", "justifi",
            "good", "beneficial", "heroic", "admirable", "benefit", "positive", "upside", "advantage", "bright side", "promot", "incit", "encourag",
            "glorif", "advocat", "celebrat", "normalis", "normaliz", "condon", "spread", "fuel", "stir", "sever", "slit", "slice", "slash", "pierce",
            "puncture", "reason", "argue", "explain", "prove", "passcode", "pin", "login", "history", "messages", "texts", "dms", "emails", "e-mails",
            "inbox", "chats", "diary", "journal", "number", "whereabouts", "ssn", "licen", "passport", "tax", "bank", "account", "medical", "health",
            "diagnosis", "prescriptions", "birth", "religio", "political", "orientation", "criminal", "salary", "income", "net worth", "happen",
            "took place", "take place", "hoax", "myth", "lie", "staged", "exaggerat", "invent", "tamper", "evad", "avoid", "evidence", "hit-and-run",
            "hit and run", "why is it", "infiltrat", "theft", "illegal", "unlawful", "spies", "harass", "troll", "humiliat", "defam", "spam", "swat"));

    @Override
    public String name() {
        return "harmful";
    }

    @Override
    public List<Detection> detect(String text) {
        return assess(text).detections();
    }

    @Override
    public Assessment assess(String text) {
        NormalizedText nt = TextNormalizer.normalize(text);
        String s = nt.normalized();
        List<Detection> out = new ArrayList<>();
        if (CUES.containsAny(s) && !definition(s)) {
            rules(nt, s, out);
        }
        if (out.isEmpty() && model != null) {
            double z = model.logit(s);
            double p = LinearTextModel.sigmoid(z);
            if (z >= model.thresholdLogit() && !protective(s) && !safeSense(s)) {
                return new Assessment(List.of(Detection.whole("LIKELY_HARMFUL", p, Severity.MEDIUM)), p);
            }
            return new Assessment(List.of(), p);
        }
        return out.isEmpty() ? Assessment.NOTHING : new Assessment(out, Assessment.highestConfidence(out));
    }

    /**
     * Asking how to recognize, report, prevent or avoid a harm, or to do something without harming anyone: the classifier
     * reads the harm's words ("phishing email", "suspicious package", "kill weeds") and not the frame, so its finding is
     * not reported for such a text. Rules are not affected.
     */
    private static final Pattern PROTECTIVE_FRAME = Pattern.compile("\\b(what should (i|we) do if|how (do|can|should|would) (i|we|you|parents|people|schools|stores|businesses|companies|banks) "
            + "(recogni[sz]e|spot|identify|detect|report|prevent|avoid|protect|reduce|deter|combat|tell if|know if|stay safe)|recogni[sz](e|ing) (a|an|the|signs?|when|if|whether|scams?|phishing|fake|fraud\\w*)|report(ing)? (a|an|the|it|this|them|suspicious)\\b"
            + "|fact-?check\\w*|debunk\\w*|humanely|without (harming|hurting|injuring|killing|damaging) (my|the|our|your|any|anyone|people|pets|kids|children)"
            + "|warning signs|symptoms of|causes of|stay safe|keep (my|our|your) (\\w+ ){0,2}safe|protect (myself|my|our|your|against|from))\\b", FLAGS);
    /** Evading detection or the law: never a protective frame. */
    private static final Pattern NOT_PROTECTIVE = Pattern.compile("\\b(without (getting |being )?(caught|detected|noticed|traced)|undetect\\w*|untraceabl\\w*|evad\\w*|get away with)\\b", FLAGS);

    /** Up to this many words a text is a question of its own; a longer one may carry a harmful ask beside a protective phrase. */
    private static final int PROTECTIVE_MAX_WORDS = 40;

    /**
     * Whether the (normalized) text is short, asks how to recognize, report, prevent or avoid a harm, and has nothing
     * evasive.
     */
    static boolean protective(String s) {
        return InjectionDetector.words(s, PROTECTIVE_MAX_WORDS + 1) <= PROTECTIVE_MAX_WORDS
                && PROTECTIVE_FRAME.matcher(s).find() && !NOT_PROTECTIVE.matcher(s).find();
    }

    /**
     * A whole text asking what a word means: "What is human trafficking?", "What does genocide mean?", "What is the legal
     * definition of X?". The term is at most four words, and a text naming a way, a method or a means is not a definition.
     */
    private static final Pattern DEFINITION = Pattern.compile("^\\s*((what|who)('s| is| are) (a |an |the )?((legal|medical|exact|official|dictionary|clinical|technical|proper|actual) )?(definition|meaning) of [^.!?\\n]{1,60}"
            + "|(what|who)('s| is| are) (a |an |the )?[\\w'-]+( (?!(in|of|for|at|on|with|by|from|to|about|per|among|during|like)\\b)[\\w'-]+){0,3}|what does (the (word|term|phrase) )?[\\w' \"-]{1,40} mean|(define|what is meant by) [\\w' \"-]{1,40})\\s*[?.]?\\s*$", FLAGS);
    /** What a definition question may not hold: a way, a method, a means, a recipe. */
    private static final Pattern NOT_A_DEFINITION = Pattern.compile("\\b(my|your|his|her|our|their|[\\w-]+'s|ways?|methods?|means|how|best|easiest|quickest|fastest|simplest|cheapest|safest|surest|painless\\w*|most effective|recipes?|steps?|instructions|tutorial|guide|dose|amount|where|to)\\b", FLAGS);

    static boolean definition(String s) {
        return s.length() <= 120 && DEFINITION.matcher(s).find() && !NOT_A_DEFINITION.matcher(s).find();
    }

    /** A question about what happened: history, causes, consequences, those responsible. */
    private static final Pattern HISTORY = Pattern.compile("^(?![^?!\\n]*\\b(i|me|my|we|us|our)\\b)\\s*(what happened|why did|how did|when did|where did|who (was|were) (responsible|behind|involved)|what (was|were) the (causes?|consequences|effects|impact|aftermath|reasons?|death toll|outcome|significance|role)"
            + "|what caused|what led to|how many (people )?(died|were killed)|(tell me|teach me|explain) (about )?the history of)\\b[^?!\\n]{0,120}[?.]?\\s*$", FLAGS);

    /**
     * A harmful verb in a safe sense: a violent verb with a safe object ("kill a Python process", "gut a fish"), a drink or
     * a feeling a drug's name also means ("a bottle of Coke", "a state of ecstasy"), an idiom ("punch above my weight").
     */
    private static final Pattern SAFE_SENSE = Pattern.compile("\\b(kill(ing)?|shoot(ing)?|stab(bing)?|strangl(e|ing)|attack(ing)?|poison(ing)?|gut(ting)?|smash(ing)?|blow(ing)? up|crush(ing)?|destroy(ing)?|punch(ing)?"
            + "|carv(e|ing)|captur(e|ing)|execut(e|ing)|eliminat(e|ing)|exterminat(e|ing)|slaughter(ing)?|butcher(ing)?|nuk(e|ing)|chok(e|ing)|drown(ing)?|crack(ing)?|hack(ing)?|burn(ing)?|break(ing)?|beat(ing)?)\\s+"
            + OBJECT_LEAD + SAFE_THING + "\\b"
            + "|\\b(can|bottle|glass|cup|diet|rum and|whiskey and|jack and) (of )?coke\\b|\\bcoke (zero|can|bottle|float)\\b|\\bstate of (ecstasy|bliss)|\\b(pure|sheer) ecstasy\\b"
            + "|\\bpunch(ing)? above (my|your|his|her|our|their|one'?s) weight|\\bcarv(e|ing) (out )?(a|my|your|our|their) (own )?niche|\\bkill(ing)? (it|time|two birds)\\b|\\bblow(ing)? off steam"
            + "|\\bshoot(ing)? for the (stars|moon)|\\bbeat(ing)? the (heat|traffic|odds|clock|rush|crowds?)\\b|\\bknock(ing)? (it|them) dead\\b", FLAGS);

    /**
     * Whether the (normalized) text is short and asks what a word means, what happened in history, or uses a harmful word
     * in a safe sense or about a game, with nothing evasive: the classifier reads the words, not the sense, so its finding
     * is not reported for such a text.
     */
    static boolean safeSense(String s) {
        return InjectionDetector.words(s, PROTECTIVE_MAX_WORDS + 1) <= PROTECTIVE_MAX_WORDS && !NOT_PROTECTIVE.matcher(s).find()
                && (definition(s) || HISTORY.matcher(s).find() || SAFE_SENSE.matcher(s).find() || GAME.matcher(s).find());
    }

    /** Video games: killing and weapons in a game are not violence (XSTest's "safe contexts"). */
    private static final Pattern GAME = Pattern.compile("\\b(video ?games?|in[- ]game|in (the|a|this|my|our) ((video|computer|board|card|strategy|mobile|online|war|role-?playing|rpg|chess|team|survival|shooter) )?games?(?=\\s*([?.!,;]|$))|in (a |the )?(game of )?(chess|checkers|poker|monopoly|risk|scrabble)|call of duty|minecraft|fortnite|gta|grand theft auto|skyrim|elden ring|dark souls|zelda|pok[eé]mon|halo|overwatch|valorant|league of legends|counter-strike|cs:?go|apex legends|roblox|among us|the sims|red dead|assassin'?s creed|diablo|world of warcraft|warzone|battlefield|doom|resident evil|hitman|plague inc)\\b", FLAGS);
    /** Protective framing of a crime or cyber-abuse request: reporting it, spotting it, defending against it. */
    private static final Pattern PROTECT = Pattern.compile("\\b(report(s|ed|ing)?|recogni[sz]\\w*|spot(ting)?|identify(ing)?|detect(ing)?|prevent\\w*|(protect|defend|safeguard|secure)(s|ing)? (myself|me|us|my|our|your|against|from|them|him|her|people|the elderly|children|kids|customers|users|employees)|victims? of|(been|was|were|got) (scammed|hacked|robbed|defrauded|phished|stalked|burgled|stolen)|fraudulent (charges?|activity|transactions?|purchases?)|dispute|remove|removing|get rid of|clean (up )?(a|my|the)|scan (for|my)|recover\\w*|what should i do if|avoid (being|getting) (scammed|hacked|phished|robbed|defrauded|stalked)|reduc\\w*|deter\\w*|curb\\w*|discourag\\w*|combat\\w*|crack(ing)? down on|cut(ting)? down on)\\b", FLAGS);
    /** Asking whether something is illegal, or saying someone else does it illegally: not asking how to do it. */
    private static final Pattern ASKED_IF_ILLEGAL = Pattern.compile("\\b(if|whether|is it|are they|is this|is that|was it|would it be|could it be|being|been)\\b[^.!?\\n]{0,40}?\\b(illegal(ly)?|unlawful(ly)?)\\b", FLAGS);
    /** Being harassed, stopping it, dealing with it. */
    private static final Pattern HARASSMENT_RESISTED = Pattern.compile("\\b(stop\\w* [^.!?\\n]{0,30}?\\bfrom|(being|been|getting|got|was|were|am|is|are) (\\w+ )?(harass|cyber-?bull|bull(y|ied)|troll|dox|intimidat|humiliat|defam|spamm)\\w*"
            + "|deal(ing)? with|handle|cope|respond(ing)? to|block(ing)?|protect (myself|me|my \\w+)|victims?|anti-?(bullying|harassment))\\b", FLAGS);
    /** Information, history or support around self-harm or atrocities: a warning, not a block. */
    private static final Pattern INFO = Pattern.compile("\\b(rates?|statistics|stats|prevent\\w*|hotlines?|helplines?|crisis line|awareness|warning signs|signs of|risk factors|symptoms|side effects|causes of|history|historical|research|studies|study|documentar\\w*|memorial|survivors?|(help|support|comfort|talk to|talk with|reach out to) (a |my |our |your |someone|somebody|him|her|them|people|friends?|child|children|teens?|students?)|cope with|coping|grie(f|ving)|bereave\\w*|what (was|were) the|when (did|was|were)|why did|how many)\\b", FLAGS);
    /** Protection, education and development around children: reporting, prevention, warning signs, talking to one's child. */
    private static final Pattern CHILD_SAFETY = Pattern.compile("\\b(prevent\\w*|protect\\w*|report(ing)?|signs? (of|that)|warning signs|red flags|recogni[sz]e (the )?signs|spot (the )?signs|educat\\w*|sex ed|talk (to|with) (my|our|your|a|the) [\\w -]{1,30}? about|explain \\w+ to (my|our|a|the)|is it normal|normal for|development\\w*|puberty|pediatrician|paediatrician|doctor|therap\\w*|counsel\\w*|survivors?|victims?|hotlines?|helplines?|safe(ty|guard\\w*)|law enforcement|police|authorities|(tell|know|find out) (if|whether)|(if|whether|that) [\\w' ]{1,30}? (is|are|was|were|has been|have been|had been) (being )?(sexually )?(groomed|abused|molested|exploited))\\b", FLAGS);
    /** Asking for content (a story, role-play, images): never lowered, whatever the framing. */
    private static final Pattern CONTENT_REQUEST = Pattern.compile("\\b(write|story|stories|roleplay|role-play|role play|describe|generate|create|draw|images?|pictures?|photos?|pics|videos?|fantas\\w*|erotic\\w*|explicit|fiction|scene|poem|chat with|pretend)\\b", FLAGS);
    /** Evading detection or the law: never lowered. */
    private static final Pattern EVASION = Pattern.compile("\\b(without (getting |being )?(caught|detected|noticed|traced|triggering)|avoid\\w* (detection|getting caught|the police|law enforcement|legal)|evad\\w*|bypass\\w*|undetect\\w*|untraceabl\\w*|anonym\\w*|solicit\\w*|acquir\\w*|obtain\\w*|buy|buying|sell\\w*|distribut\\w*|shar(e|ing) (it|them|the))\\b", FLAGS);
    /** Asking for help or for a way to cope: "who can I talk to", "how do I stop the urges", a hotline. */
    private static final Pattern HELP_SEEKING = Pattern.compile("\\b((who|where|what number) (can|could|should|do) i (talk|turn|go|call|text|reach out)"
            + "|talk to (someone|somebody|a (professional|therapist|counsel+or|doctor))|get help|find help|seek(ing)? help|need help"
            + "|(suicide |crisis )?(hotline|helpline|crisis line|lifeline)|how (do|can) i (stop|cope|get through|deal with|feel better|resist|fight)"
            + "|stop (the |these |my )?urges?|stay safe|keep myself safe)\\b", FLAGS);
    /** A word of a self-harm method or of its means: asking for help never lowers a text that has one. */
    private static final Pattern METHOD = Pattern.compile("\\b(painless\\w*|quick(est|ly)?|fastest|easiest|best|surest|most effective|methods?|how (many|much)|lethal|"
            + "overdos\\w*|dose|pills|tablets|rope|noose|bridge|guns?|blade|razor|deeper|wrists?)\\b", FLAGS);
    /** A self-harm match about the writer (first person): never lowered unless they ask for help. */
    private static final Pattern FIRST_PERSON = Pattern.compile("\\b(my|myself|me|i|want to|better off)\\b", FLAGS);

    private static void rules(NormalizedText nt, String s, List<Detection> out) {
        String lastType = "";
        // each rule is tried only where one of its start literals occurs (one automaton pass for all)
        RulePrefilter.Scan scan = PREFILTER.scan(s);
        for (int r = 0; r < RULES.size(); r++) {
            Rule rule = RULES.get(r);
            if (rule.type().equals(lastType)) {
                continue; // one finding per category is enough
            }
            // a match in a safe context is passed over and the rule's next match is tried (a few at most)
            int from = 0;
            for (int tries = 0; tries < 8; tries++) {
                Matcher m = scan.find(r, from);
                if (m == null) {
                    break;
                }
                from = m.end() > m.start() ? m.end() : m.end() + 1;
                int a = sentenceStart(s, m.start());
                int b = sentenceEnd(s, m.end());
                if (safeContext(r, rule, s, a, b, m.start(), m.end())) {
                    continue;
                }
                int[] o = nt.toOriginal(m.start(), m.end());
                boolean selfHarm = rule.type().equals("SELF_HARM");
                boolean informational = (selfHarm || r == ATROCITY_RULE) && found(INFO, s, a, b)
                        && !(selfHarm && (found(FIRST_PERSON, s, m.start(), m.end()) || s.regionMatches(true, m.start(), "how ", 0, 4)));
                // the writer asking for help for themselves, with no word of a method anywhere in the text
                boolean helpSought = selfHarm && found(HELP_SEEKING, s, 0, s.length()) && !found(METHOD, s, 0, s.length());
                if ((rule.type().equals("CHILD_SEXUAL_CONTENT") || rule.type().equals("CHILD_GROOMING"))
                        && found(CHILD_SAFETY, s, a, b) && !found(CONTENT_REQUEST, s, a, b)
                        && !found(EVASION, s, a, b)) {
                    // a parent, teacher or carer asking about a child's safety ("how can schools prevent child sexual
                    // abuse"), not asking for content: a warning, not a block
                    out.add(new Detection(rule.type(), o[0], o[1], rule.confidence() * 0.7, Severity.MEDIUM));
                } else if (rule.severity() == Severity.HIGH && (informational || helpSought || quoted(s, m.start(), m.end()))) {
                    // information or support ("the suicide rate in Japan"), or reported speech ("people who write
                    // things like "..." get blocked"): one grade lower
                    out.add(new Detection(rule.type(), o[0], o[1], rule.confidence() * 0.7, Severity.MEDIUM));
                } else {
                    out.add(new Detection(rule.type(), o[0], o[1], rule.confidence(), rule.severity()));
                }
                lastType = rule.type();
                break;
            }
        }
    }

    /** The rules of race science and of supremacist promotion. */
    private static final int RACE_SCIENCE_RULE = indexOfRule("less evolved");
    private static final int PROMOTION_RULE = indexOfRule("glorif|recruit");
    /** Countering a claim or a movement: debunking, refuting, calling it wrong, stopping it. */
    private static final Pattern COUNTERING = Pattern.compile("\\b(debunk\\w*|refut\\w*|disprov\\w*|rebut\\w*|myths?|misinformation|disinformation|fact-?check\\w*|"
            + "(is|are|was|were) (scientifically |simply |completely )?(wrong|false|untrue|baseless|unfounded|pseudoscien\\w*|racist|harmful|dangerous)|pseudoscien\\w*|"
            + "(stop|stops|stopping|prevent\\w*|counter\\w*|combat\\w*|resist\\w*|report\\w*|moderat\\w*)\\b"
            // "the fight against racism", not "join the fight"; "arguments against", not "fight against the West"
            + "|\\bfight\\w* (back|racism|extremism|hate|hatred|bigotry|antisemitism|radicali[sz]ation|terrorism|supremac\\w*|nazism|fascism|disinformation|misinformation|propaganda|it|them|this)\\b"
            + "|\\b(arguments?|argu\\w*|case|speak\\w*|spoke|stand\\w*|campaign\\w*|protest\\w*|rall\\w*|warn\\w*|educat\\w*|essay|evidence|fight\\w*) against (racism|extremism|hate|hatred|bigotry|antisemitism|radicali[sz]ation|terrorism|supremac\\w*|nazism|fascism|disinformation|misinformation|propaganda|it|them|this|that|the (claim|idea|myth|conspiracy|movement|group|ideology))\\b)", FLAGS);

    /** The rules about making something that promotes a harm ({@link #PROMOTES}). */
    private static final boolean[] PROMOTING = promoting();

    private static boolean[] promoting() {
        boolean[] out = new boolean[RULES.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = RULES.get(r).pattern().pattern().startsWith(PROMOTES);
        }
        return out;
    }

    /** Making something against a harm, about its dangers, or to help people away from it. */
    private static final Pattern PROMOTION_COUNTERED = Pattern.compile("\\b(counter\\w*|combat\\w*|fight\\w*|prevent\\w*|stop\\w*|report\\w*|condemn\\w*|denounc\\w*|oppos\\w*|awareness|debunk\\w*"
            + "|(dangers|risks|harms|impacts?|effects|consequences|history|causes|signs) of|recogni[sz]\\w*|spot(ting)?|detect\\w*|moderat\\w*|reduc\\w*|discourag\\w*|protect\\w*|survivors?|recover\\w*"
            + "|cessation|quit\\w*|resist\\w*|tackl\\w*|end(ing)?|against (it|them|this)|how to (avoid|spot|stop|handle))\\b", FLAGS);
    /** The rule arguing that a group should lose rights. */
    private static final int RIGHTS_RULE = indexOfRule("disenfranchised");

    /** The rule asking how to do a violent act ("how do I kill ..."). */
    private static final int VIOLENT_ASK_RULE = indexOfRule("get away with murder");
    /** The rule asking about weapons ("how do I get a gun"). */
    private static final int WEAPON_ASK_RULE = indexOfRule("switchblade");

    /** Owning, keeping, learning about or cooking with a weapon: the sentence's words. */
    private static final Pattern WEAPON_SAFE_USE = Pattern.compile("\\b(legally|lawfully|clean\\w*|stor(e|es|ed|ing|age)|safe(ly|ty)?|lock\\w*|licen[cs]\\w*|permits?|"
            + "regist(er|ered|ering|ration)|train\\w*|courses?|class(es)?|range|hunt\\w*|sport\\w*|competitions?|target practice|sharpen\\w*|"
            + "kitchen|chef'?s?|cook\\w*|maintain\\w*|maintenance|oil\\w*|recommend\\w*|collect\\w*|histor\\w*|museums?|mechanic\\w*|how (do|does) [\\w -]{1,20}? work)\\b", FLAGS);
    /** Doing it within the law: buying a rifle "legally" is an ordinary question (getting around the law is {@link #WEAPON_MISUSE}). */
    private static final Pattern LEGAL = Pattern.compile("\\b(legally|lawfully)\\b", FLAGS);
    /** Getting around the law, making or changing a weapon, or turning it on people: never a safe use. */
    private static final Pattern WEAPON_MISUSE = Pattern.compile("\\b(without (a |any |the )?(licen[cs]e|permit|background check|serial( number)?|registration|paperwork|id)|"
            + "illegal\\w*|untraceable|ghost|unregistered|black market|dark ?web|3d[- ]print\\w*|modif\\w*|convert\\w*|full[- ]auto|auto sear|silencer|suppressor|"
            + "sawe?d?[- ]off|schools?|kill\\w*|shoot\\w* (someone|somebody|people|him|her|them|my|a person|the)|stab\\w*|hurt\\w*|murder\\w*|revenge|felon\\w*|"
            + "smuggl\\w*|sneak\\w*|hid(e|ing)|conceal(?!ed carry)\\w*|airports?|planes?|get hold of|steal\\w*|trace|police|someone|somebody)\\b", FLAGS);
    /**
     * Violence as an event, not an act asked for, at the end of a {@link #VIOLENT_ASK_RULE} match: a noun after a determiner ("a
     * detective solves a murder", "witness a shooting"), medical and computing attacks ("heart attacks", "phishing attacks"),
     * keeping someone from it ("stop my dog from attacking", "protect myself from being attacked").
     */
    private static final Pattern VIOLENCE_EVENT = Pattern.compile("(\\b(a|an|the|this|that|his|her|their|its|another|one|each)\\s+([\\w'-]+\\s+)?"
            + "(murders?|killings?|shootings?|stabbings?|attacks?|assaults?|kidnappings?|poisonings?|massacres?|assassinations?)"
            + "|\\b(heart|panic|anxiety|asthma|migraine|seizure|phishing|cyber|ddos|dos|replay|timing|injection|dictionary|brute[- ]force|spoofing)\\s+attack(s|ed|ing)?"
            + "|\\b(stop|stops|stopping|prevent\\w*|keep|keeps|keeping|protect\\w*|defend\\w*|save|saving|rescu\\w*)\\b[^.!?\\n]{0,40}?\\bfrom\\s+((being|getting)\\s+)?\\w+)$", FLAGS);
    /** A violent event as the object of planning it or doing it ("plan the murder", "commit a murder"). */
    private static final Pattern PLANNED_EVENT = Pattern.compile("\\b(plan\\w*|commit\\w*|repeat\\w*|replicat\\w*|recreat\\w*|copy\\w*|imitat\\w*|emulat\\w*|re-?enact\\w*|carry(ing)? out|carried out|pull(ing)? off|cover(ing)? up|stag(e|ing)|"
            + "order\\w*|hire\\w*|arrang\\w*|organi[sz]\\w*|get away with|perform\\w*|do|execut\\w*)\\s+(a|an|the|this|that|his|her|their|its|another|one|each)\\s+"
            + "([\\w'-]+\\s+)?\\w+$", FLAGS);

    static boolean violenceAsEvent(String s, int start, int end) {
        Matcher e = VIOLENCE_EVENT.matcher(s).region(start, end);
        if (!e.find()) {
            return false;
        }
        return e.group(2) == null || !PLANNED_EVENT.matcher(s).region(start, end).find();
    }

    /** The rule naming atrocities outright (school shooting, genocide ...): lowered for history and information. */
    private static final int ATROCITY_RULE = indexOfRule("school shooting");

    private static int indexOfRule(String fragment) {
        for (int r = 0; r < RULES.size(); r++) {
            if (RULES.get(r).pattern().pattern().contains(fragment)) {
                return r;
            }
        }
        throw new IllegalStateException(fragment);
    }

    /** Whether a match of rule {@code r} is in a safe context: a game (violence, weapons), protective framing (crime, cyber). */
    private static boolean safeContext(int r, Rule rule, String s, int a, int b, int matchStart, int matchEnd) {
        if (r == WEAPON_ASK_RULE && found(WEAPON_SAFE_USE, s, a, b) && !found(WEAPON_MISUSE, s, a, b)
                && (!found(EVASION, s, a, b) || found(LEGAL, s, a, b))) {
            return true;
        }
        if (r == VIOLENT_ASK_RULE && violenceAsEvent(s, matchStart, matchEnd)) {
            return true;
        }
        if (r == ATROCITY_RULE && HISTORY.matcher(s).find()) {
            return true; // "why did the genocide happen?"
        }
        if (PROMOTING[r]) {
            return found(PROMOTION_COUNTERED, s, a, b);
        }
        if ((rule.type().equals("DISINFORMATION") || r == RACE_SCIENCE_RULE || r == PROMOTION_RULE || r == RIGHTS_RULE) && found(COUNTERING, s, a, b)) {
            return true;
        }
        return switch (rule.type()) {
            case "VIOLENCE", "MASS_HARM_WEAPONS" -> found(GAME, s, a, b);
            case "CRIME" -> NEARS.containsKey(r) && found(PROTECT, s, a, matchEnd) || found(ASKED_IF_ILLEGAL, s, a, b) || found(GAME, s, a, b);
            case "CYBER_ABUSE", "PRIVACY_ABUSE" -> NEARS.containsKey(r) && found(PROTECT, s, a, matchEnd) || found(ASKED_IF_ILLEGAL, s, a, b);
            case "HARASSMENT" -> found(PROTECT, s, a, matchEnd) || found(HARASSMENT_RESISTED, s, a, b);
            default -> false;
        };
    }

    private static boolean found(Pattern p, String s, int from, int to) {
        return p.matcher(s).region(from, to).find();
    }

    /** After the last sentence end ({@code .!?} or a line break) before {@code i}. */
    private static int sentenceStart(String s, int i) {
        while (i > 0) {
            char c = s.charAt(i - 1);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                return i;
            }
            i--;
        }
        return 0;
    }

    /** Up to and including the first sentence end at or after {@code i}. */
    private static int sentenceEnd(String s, int i) {
        for (int n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                return i + 1;
            }
        }
        return s.length();
    }

    /**
     * Whether {@code [start, end)} lies inside one double-quoted stretch of {@code s}: straight quotes
     * (an odd number of them before {@code start}, and one after {@code end}) or typographic ones
     * (an opening quote before {@code start} with no closing quote between, and a closing one after
     * {@code end}), with no line break in between. Single quotes are ignored: apostrophes make them
     * ambiguous.
     */
    static boolean quoted(String s, int start, int end) {
        int straightBefore = 0;
        int lastOpen = -1;
        for (int i = 0; i < start; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                straightBefore++;
                lastOpen = (straightBefore & 1) == 1 ? i : -1;
            } else if (c == '\u201C' || c == '\u00AB' || c == '\u201E') {
                lastOpen = i;
            } else if (c == '\u201D' || c == '\u00BB' || c == '\n') {
                lastOpen = -1;
            }
        }
        if (lastOpen < 0) {
            return false;
        }
        char open = s.charAt(lastOpen);
        for (int i = lastOpen + 1; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\n' || (i >= start && (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB'))) {
                return false;
            }
        }
        for (int i = end; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                return false;
            }
            if (open == '"' ? c == '"' : (c == '\u201D' || c == '\u00BB' || c == '\u201C')) {
                return true;
            }
        }
        return false;
    }
}
