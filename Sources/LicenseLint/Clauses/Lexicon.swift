/// Phrase groups the detectors reason with. Every phrase is matched in one pass over a document;
/// a detector then asks which groups a sentence contains, and where.
///
/// Phrases are written as people write them; they are normalised like documents (hyphens read as
/// spaces, curly quotes as straight ones). A trailing `*` matches any word ending.
public enum G: Int, CaseIterable, Sendable {
    // Modality
    case prohibit, cancelProhibit, oblige, permit, conditional
    // Things
    case model, output, trainVerb, other, compete, excluding, materials
    // Commercial, research, production
    case nonCommercial, commercialUse, limiter, research, production, nonProduction
    // Caps
    case users, usersMonthly, usersDaily, compare, licenseRequired, revenue, annual, monthlyPeriod
    // Naming and attribution
    case namingTrigger, name, retain, notices, removeVerb, display, noticeHint, followingNotice
    // Licence copy, flow-down, share-alike
    case copyOf, licenseSelf, giveVerb, recipients, useRestrictions, flowVerb, derivative, distribute
    case sameTerms, anyLicenseChoice
    // Acceptable use
    case policyDoc, adhere, restrictedUse
    case catIllegal, catViolence, catMilitary, catInfrastructure, catChild, catHarass, catDiscrimination
    case catDisinfo, catImpersonation, catPrivacy, catSurveillance, catMedical, catLegal, catFinancial
    case catAutomated, catMalware, catSelfHarm, catSexual, catUnlicensed, catLawEnforcement, catSpam, catHate
    // Law and trade
    case export, sanctionedPlaces, govern, jurisdiction, region, location, withhold
    // Patent retaliation
    case litigate, litigation, terminate, infringe
    // Trademarks
    case trademark, trademarkDenial, endorse
    // Output ownership
    case claimNone, ownYou, ownUs
    // Remote restriction and policy change
    case remote, licensorMay, change, selfDoc, fromTime
    // Hosting and redistribution
    case hosting, permissionNeeded, redistributeVerb, noRedistribution
    // Registration
    case register
    // Definitions
    case means
    // Conditions on duties: the act that triggers them, and where they are met
    case productOrService, productPlace, noticeFilePlace, copiesPlace, modelCardPlace
    case hostedCarveOut, withCopies, remoteAccess, createVerb, useLatest, publicStatement, unmodifiedOnly, withOrWithout
    // Conditions on geographic clauses
    case multimodal, domicile, endUsers
    // Whom a contract governs
    case forIndividuals, otherTerms, governsUse, businessUse, apiUse
    case withAffiliates, oneProduct, releaseDate
    case distillation, merging, modifying, ifResident, inclusiveCompare, copyVerb
    // Words detectors tell readings apart by, each group named for what it marks. A group that only narrows
    // another (`displayVerb` within `display`) lists phrases of that group, so a hit of the wider group can
    // be asked whether it is one of them (`SentenceView.isHit(_:in:)`).
    case ruleWord, dutyVerbLead, useWord, requestWord, completeRegistration, explicitRegistration, licenceRequest
    case enforceableProvision, incorporation, useBan, followingRestrictions
    case beIncluded, displayVerb, ownCreditVerb, creditVerb, creditNoun, mayAddOwn, agreeBound, acknowledgeUse
    case notRequired, notRequiredTo, noAttribution, fileWord, doesNotRequire
    case orOutputs, genericModel, ourWord, subjectTo, noRepresentation, courts
    case lawWord, underWord, lawsOf, lawGoverns, governWord
    case hostingWeak, hostThe, otherThanThrough, notConsidered, theWork
    case withCopyOfThis, includeVerb, selfNotice, licenseNotice, thisNotice
    case commercialLicence, grantWord, otherThanCommercial, nonCommercialLicence, withoutThis, commercialBare
    case nonCommercialWord, includingForCommercial, productionLimit
    case licenseeMayNotClaim, rightsWord, youHold, doNotOwn, rightsTitle
    case patentWord, sueVerb, makeClaim
    case subjectToChange, mayChange, mayWord, reservesRight, mayBe, reservesWord, beWord, asMayBe, asMayBeAmended
    case inAccordance, youMayChange, sellVerb, remotelyWord, restrictWord, otherThan, grantTerms, notOnlyResearch
    case explicitSameTerms, carrier, grantedToYou, onlyWord, underTermsVerb, shareBinding
    case markWord, noticeOfMarks, endorseStrong, noEndorsement, disclaimsEndorsement
    case agreementOrLicense, subsequentUsers, applyTo, contradict, includeWord, requireWord, complyWith, carryThe
    case subjectToRestrictions, licenseSpecifies, perDay, monthWord, perMonth
}

public enum Lexicon {
    static let groups: [G: [String]] = [
        .prohibit: ["will not", "shall not", "may not", "must not", "cannot", "can not", "agree not to", "not to",
                    "do not", "does not permit", "not permitted", "not allowed", "is prohibited", "are prohibited",
                    "prohibited from", "strictly prohibited", "won't", "will never", "shall never", "must never",
                    "is not permitted", "are not permitted", "not authorized to", "not entitled to", "forbidden",
                    "refrain from", "restricted from", "you may not", "no right to", "prohibited", "prohibits",
                    "not be used", "should not", "undertake not to", "covenant not to", "not use",
                    "not licensed for", "not licensed to", "no commercial use", "no commercial purpose*"],
        .cancelProhibit: ["does not prohibit", "do not prohibit", "not prohibited", "no restriction", "no restrictions",
                          "without restriction", "does not restrict", "do not restrict", "not restricted",
                          "not intended to restrict", "does not limit", "is not intended to", "are not intended to",
                          "nothing in this license prohibits", "nothing in this agreement prohibits",
                          "nothing in this license restricts", "nothing in this agreement restricts",
                          "nothing herein prohibits", "nothing herein restricts", "we do not restrict",
                          "no commercial use restriction*"],
        .oblige: ["must", "shall", "will", "should also", "you should", "agree to", "required to", "is required", "are required", "need to",
                  "needs to", "has to", "have to", "obligated to", "obliged to", "undertake to", "provided that",
                  "on condition that", "ensure that", "ensure", "is conditioned", "conditioned upon", "as a condition"],
        .permit: ["may", "are free to", "is permitted", "are permitted", "permitted to", "allowed to", "you can",
                  "is allowed", "are allowed", "grants you", "hereby grant*", "right to use"],
        .conditional: ["without", "unless", "except", "provided that", "other than", "if you", "if the",
                       "subject to", "in violation", "in a manner", "in any way", "in any manner", "for the purpose",
                       "purposes", "purpose"],

        .model: ["model", "models", "llm", "llms", "language model", "large language model", "ai model",
                 "foundation model", "neural network", "machine learning model", "generative ai model",
                 "ai system", "ai systems", "model weights", "weights", "algorithm", "algorithms"],
        .output: ["output", "outputs", "results", "generated content", "generations", "completions",
                  "data produced by", "output or results", "outputs or results", "generated by", "synthetic data",
                  "responses", "content you generate", "content that you generate", "content generated"],
        .trainVerb: ["train", "trains", "training", "trained", "fine tune", "finetune", "fine tuning", "distill",
                     "distil", "distillation", "distilling", "improve", "improving", "improves", "develop",
                     "developing", "create or improve", "build", "building", "enhance", "pretrain", "pre train",
                     "teach", "bootstrap"],
        .other: ["other", "another", "any other", "third party", "third parties"],
        .compete: ["compete", "competes", "competing", "competitive", "competitor", "competitors", "rival"],
        .excluding: ["excluding", "other than", "except for", "with the exception of"],
        .materials: ["materials", "software", "the model", "this model", "weights", "the work", "services",
                     "our services", "the services", "the service"],

        .nonCommercial: ["non commercial", "noncommercial", "not for commercial", "non commercially", "other than commercial"],
        .commercialUse: ["commercial purpose*", "commercial use*", "commercial or production", "commercial activit*",
                         "commercial advantage", "commercial gain", "commercially", "for commercial",
                         "commercial product*", "commercial service*", "commercial exploitation",
                         "commercial deployment", "monetary compensation", "commercial manner", "commercial setting*",
                         "commercial application*", "commercial nature", "commercial entity", "commercial entities",
                         "generate revenue", "generating revenue", "revenue generating",
                         "commercial"],
        .limiter: ["solely for", "only for", "exclusively for", "strictly for", "limited to", "solely", "only",
                   "exclusively", "purposes only", "use only", "uses only", "alone", "restricted to", "exclusive purpose"],
        .research: ["research", "evaluation", "academic", "scientific", "research purposes", "evaluation purposes",
                    "testing and evaluation", "internal evaluation", "experimentation", "non commercial research",
                    "study", "studying"],
        .production: ["production purpose*", "production use*", "production environment*", "in production",
                       "production deployment*", "production system*", "commercial or production",
                       "production or commercial", "production setting*", "production grade", "production workload*"],
        .nonProduction: ["non production", "nonproduction", "not for production", "not intended for production",
                         "does not include any production", "not be used in production", "excluding production",
                         "other than commercial or production", "other than production"],

        .users: ["users", "user", "monthly active users", "daily active users", "active users", "end users",
                 "registered users", "mau", "maus", "dau", "daus", "monthly users", "unique users", "customers"],
        .usersMonthly: ["monthly active users", "monthly active user", "mau", "maus", "monthly unique users",
                        "unique monthly users", "monthly users", "users per month", "users each month",
                        "active users per month", "users in any month", "users in a month"],
        .usersDaily: ["daily active users", "daily active user", "dau", "daus", "daily users", "users per day",
                      "users each day", "active users per day"],
        .compare: ["greater than", "more than", "exceed", "exceeds", "exceeded", "exceeding", "in excess of", "over",
                   "above", "at least", "or more", "surpass*", "larger than", "higher than", "beyond", "reach",
                   "reaches", "less than", "fewer than", "under", "below", "up to", "no more than", "not more than",
                   "or greater", "or higher", "threshold", "cap", ">", ">=", "\u{2265}", "greater than or equal"],
        .licenseRequired: ["request a license", "request a licence", "obtain a license", "obtain a licence", "is not licensed",
                           "commercial licenses", "apply for authorization", "not have the right to exercise",
                           "contact our business",
                           "separate license", "separate licence", "separate agreement", "additional license",
                           "commercial license", "commercial licence", "enterprise license", "not authorized to exercise",
                           "cannot exercise", "may not exercise", "must contact", "contact us", "terminate",
                           "terminates", "will terminate", "shall terminate", "no longer", "written authorization",
                           "express authorization", "must obtain", "shall request", "must request", "enter into",
                           "not licensed", "not permitted", "license from", "licence from", "permission from",
                           "prior written", "agreement with"],
        .revenue: ["revenue", "revenues", "turnover", "annual sales", "gross sales", "gross income", "annual income",
                   "total income", "gross receipts", "annual recurring revenue", "arr"],
        .annual: ["annual", "annually", "per year", "per annum", "a year", "yearly", "fiscal year", "calendar year",
                  "each year", "12 months", "twelve months", "trailing twelve"],
        .monthlyPeriod: ["per month", "monthly", "each month", "a month", "calendar month"],

        .namingTrigger: ["at the beginning of", "begin with", "begins with", "beginning with", "start with",
                         "in its name", "in their name", "in the model name", "as part of its name", "as part of the name",
                         "to the beginning of",
                         "starts with", "starting with", "prefix", "prefixed", "preceded by", "precede",
                         "at the start of", "as the first word"],
        .name: ["name", "names", "model name", "title", "named", "naming"],
        .retain: ["retain", "retains", "keep intact", "preserve", "reproduce", "maintain", "include", "includes",
                  "included"],
        .notices: ["copyright notice", "copyright notices", "attribution notice", "attribution notices", "notices",
                   "this notice", "proprietary notices", "attribution", "copyright statement", "copyright statements",
                   "notice text file", "following notice", "following statement", "following text", "notice stating",
                   "above copyright notice", "copyright and other proprietary", "legal notices", "credit line"],
        .removeVerb: ["remove", "alter", "obscure", "delete", "strip", "removing", "altering"],
        .display: ["display", "displays", "displayed", "prominently", "acknowledge", "acknowledgement",
                   "acknowledgment", "credit", "give appropriate credit", "cite", "accompanied by", "attribute",
                   "public statement", "as follows", "attribution"],
        .noticeHint: ["built with", "powered by", "licensed under", "licensed by", "is provided under",
                      "built using", "built on", "improved using", "is based on work", "created with", "made with"],
        .followingNotice: ["following notice", "following attribution", "following statement", "following text",
                           "following acknowledgement", "following acknowledgment", "following credit", "as follows",
                           "attribution notice", "attribution notices", "notice text file", "notice file"],

        .copyOf: ["copy of", "copies of", "text of", "link to", "uri", "hyperlink", "a reference to", "url of",
                  "copy of the text", "gets the text of"],
        .licenseSelf: ["this license", "this licence", "this agreement", "this public license", "the license",
                       "the licence", "this license agreement", "these terms", "the agreement", "this permission notice",
                       "this list of conditions", "the terms of this license", "the text of this license",
                       "these license terms", "this notice and the following text"],
        .giveVerb: ["give", "gives", "provide", "provides", "providing", "include", "includes", "accompan*",
                    "make available", "made available", "gets", "receive", "receives", "inform", "retain", "supply",
                    "deliver", "furnish", "ship", "attach", "included in all copies", "distribute", "keep"],
        .recipients: ["recipient", "recipients", "third party", "third parties", "anyone", "everyone", "licensees",
                      "distribute", "distributes", "redistribute", "redistribution", "redistributions", "copies",
                      "share", "sharing", "distribution", "users", "subsequent users"],
        .useRestrictions: ["use restrictions", "use based restrictions", "use based restriction", "the restrictions",
                           "restrictions in", "restrictions set forth", "acceptable use policy", "prohibited use policy",
                           "use policy", "restrictions referenced", "any restrictions", "restrictions herein",
                           "restricted uses", "usage restrictions", "use limitations", "these restrictions",
                           "such restrictions", "use restriction", "restrictions of this", "paragraph 5"],
        .flowVerb: ["enforceable provision", "enforceable provisions", "must be included", "shall be included",
                    "notice to subsequent users", "also apply", "also applies", "apply to", "applies to",
                    "pass on", "pass through", "passed on", "flow down", "binding on", "impose", "imposes",
                    "includes", "include", "incorporating", "comply with", "abide by", "carry the", "be subject to", "does not contradict", "do not contradict",
                    "not contradict", "are subject to", "is subject to", "remain subject", "will remain subject",
                    "shall remain subject"],
        .derivative: ["derivative", "derivatives", "derivative work", "derivative works", "modification",
                      "modifications", "modified", "adapted material", "fine tuned", "derived from", "downstream",
                      "model derivatives", "derivative model", "derivative models", "adaptations"],
        .distribute: ["distribute", "distributes", "distributed", "distributing", "distribution", "distributions", "redistribute",
                      "redistributes", "redistribution", "share", "shares", "sharing", "make available",
                      "made available", "sublicense", "convey", "provide to", "transfer", "make the", "offer"],
        .sameTerms: ["under the terms of this agreement", "under the terms of this license", "under this license",
                     "under this agreement", "under the same license", "under the same terms", "same license elements",
                     "same or compatible", "identical license", "remain subject to this agreement",
                     "remain subject to the terms", "subject to the terms of this agreement", "subject to this agreement",
                     "pursuant to this license", "pursuant to this agreement", "another license that allows everything",
                     "under the same license terms", "same license", "under a license identical",
                     "under the terms of this licence", "under this licence", "same terms and conditions",
                     "terms no less restrictive", "on the same terms", "by sa compatible", "sharealike", "share alike",
                     "same or a compatible license", "copyleft"],
        .anyLicenseChoice: ["license of your choice", "licence of your choice", "terms of your choice", "any license",
                            "different license terms", "license of their choice", "your own license terms",
                            "additional or different license terms", "under any license", "any licence",
                            "terms of their choice", "own copyright statement"],

        .policyDoc: ["acceptable use policy", "use policy", "usage policy", "usage policies", "prohibited use policy",
                     "aup", "trustworthy ai terms", "code of conduct", "responsible use policy", "use guidelines",
                     "content policy", "publication policy", "use policies", "acceptable use terms",
                     "prohibited uses policy", "responsible ai policy"],
        .adhere: ["adhere to", "comply with", "consistent with", "incorporated by reference", "hereby incorporated",
                  "subject to", "in accordance with", "abide by", "conform to", "in compliance with",
                  "incorporated herein", "bound by", "restricted uses set forth"],
        .restrictedUse: ["restricted uses", "prohibited uses", "use based restrictions", "restrictions in attachment",
                         "specified restricted uses", "for any illegal", "harmful, or abusive", "abusive activity",
                         "prohibited purposes", "harmful purposes", "restricted use", "use restrictions",
                         "illegal, harmful"],
        .catIllegal: ["violates any applicable", "violate any applicable", "in violation of applicable law",
                      "in violation of applicable laws", "illegal", "unlawful", "violation of law", "violates any law",
                      "violate any law", "criminal", "crimes", "violation of any law", "violates applicable law",
                      "violate applicable law", "illicit"],
        .catViolence: ["weapon", "weapons", "violence", "violent", "terrorism", "terrorist", "explosive", "explosives",
                       "firearm", "firearms", "mass destruction", "incites violence", "bodily harm", "physical harm"],
        .catMilitary: ["military", "warfare", "nuclear", "armed forces"],
        .catInfrastructure: ["critical infrastructure", "nuclear facilities", "air traffic", "power grid",
                             "operation of critical"],
        .catChild: ["minors", "child", "children", "csam", "child sexual"],
        .catHarass: ["harass", "harassment", "harassing", "bully", "bullying", "intimidate", "intimidation",
                     "stalking", "threaten", "threatening"],
        .catDiscrimination: ["discriminate", "discriminates", "discrimination", "discriminatory", "protected characteristic",
                             "protected characteristics", "legally protected", "adversely affect"],
        .catDisinfo: ["disinformation", "misinformation", "false information", "verifiably false", "misleading",
                      "defamatory", "defame", "fake news", "inaccurate information", "deceive", "deceiving", "falsely"],
        .catImpersonation: ["impersonate", "impersonating", "impersonation", "pretend to be", "passing off",
                            "machine generated", "represent that the output", "human generated"],
        .catPrivacy: ["personal information", "personally identifiable", "personal identifiable", "personal data", "privacy", "biometric",
                      "private or sensitive information", "sensitive personal",
                      "private information", "pii", "health information", "identify individuals", "track individuals"],
        .catSurveillance: ["surveillance", "tracking", "monitoring individuals", "facial recognition"],
        .catMedical: ["medical advice", "medical results", "medical", "clinical", "diagnosis", "diagnose"],
        .catLegal: ["financial, legal", "legal, medical", "legal advice"],
        .catFinancial: ["financial advice", "credit scoring", "lending decisions", "financial", "accounting"],
        .catAutomated: ["automated decision", "automated decisions", "fully automated", "automated decision making",
                        "automatically making decisions", "adversely impacts", "social scoring"],
        .catMalware: ["malware", "malicious code", "viruses", "cyberattack", "cyberattacks", "cyber attack",
                      "hacking", "phishing", "ransomware", "computer viruses", "security vulnerabilities"],
        .catSelfHarm: ["self harm", "suicide", "eating disorder", "eating disorders"],
        .catSexual: ["sexual", "pornography", "pornographic", "sexually explicit", "nudity", "erotic"],
        .catUnlicensed: ["unlicensed practice", "unlicensed", "practice of any vocation", "practice of any profession"],
        .catLawEnforcement: ["law enforcement", "predictive policing", "criminal justice", "immigration", "asylum",
                             "predict the likelihood", "administration of justice"],
        .catSpam: ["spam", "fraud", "fraudulent", "scam", "scams", "deceptive", "plagiarism"],
        .catHate: ["hate", "hatred", "hateful", "extremism", "extremist"],

        .export: ["export control", "export controls", "export laws", "export law", "export administration",
                  "trade compliance", "trade control", "trade controls", "sanction", "sanctions", "sanctioned",
                  "embargo", "embargoed", "re export", "export, import", "export regulations", "export restrictions",
                  "foreign assets control", "trade laws", "restricted parties", "restricted party", "denied parties",
                  "entity list", "export or import", "exported", "economic sanctions", "trade sanctions"],
        .sanctionedPlaces: ["sanctioned jurisdiction", "sanctioned jurisdictions", "sanctioned country",
                            "sanctioned countries", "embargoed country", "embargoed countries", "prohibited by export",
                            "sanctioned region", "sanctioned regions"],
        .govern: ["governed by", "governed and construed", "construed in accordance with", "construed under",
                  "governed in all respects by", "law will govern", "laws will govern", "law shall govern",
                  "laws shall govern", "laws govern", "law governs", "governed under", "is governed",
                  "will be governed", "shall be governed", "interpreted in accordance with", "interpreted under",
                  "construed and enforced", "governed exclusively by", "subject to the laws of",
                  "govern this", "shall govern this", "will govern this",
                  "受中华人民共和国", "适用中华人民共和国", "管辖"],
        .withhold: ["not being granted", "not granted", "are not licensed", "is not licensed", "not licensed",
                    "no rights", "no license is granted", "not available", "excluded", "does not apply",
                    "not authorized", "not be used", "not intended for use", "not permitted"],
        .location: ["domiciled in", "located in", "resident in", "residents of", "residing in",
                    "principal place of business in", "based in", "users in", "individuals in", "entities in",
                    "in the territory of", "citizens of", "persons in", "companies in", "available in",
                    "within the territory", "organized under the laws of", "headquartered in", "incorporated in",
                    "residents in", "people in", "customers in", "use in", "used in", "deploy in", "deployed in",
                    "operate in", "operating in", "territory of", "in the european union", "in the eu",
                    "principal place of business"],
        .litigate: ["institute", "institutes", "commence", "commences", "initiate", "initiates", "file", "files",
                    "bring", "brings", "assert", "asserts", "instituting", "pursue", "threaten", "participate in"],
        .litigation: ["litigation", "lawsuit", "lawsuits", "legal action", "proceedings", "proceeding", "sue", "sues", "suing",
                      "patent claim", "patent claims", "claim", "claims", "suit", "action", "counterclaim",
                      "cross claim"],
        .terminate: ["terminate", "terminates", "terminated", "termination", "shall cease", "will cease",
                     "end automatically", "revoked", "no longer", "automatically end", "ends immediately",
                     "end immediately"],
        .infringe: ["infringe", "infringes", "infringement", "infringing", "alleging", "alleges"],

        .trademark: ["trademark", "trademarks", "trade name", "trade names", "service mark", "service marks", "logo",
                     "logos", "brand", "brands", "name or mark", "names or marks", "the name of", "names of its contributors",
                     "our name", "name of", "marks", "trade dress", "branding", "publicity rights"],
        .trademarkDenial: ["no trademark", "not been granted any trademark", "does not grant permission",
                           "does not grant you the right to use", "not grant you the right to use",
                           "do not grant permission", "grants you no", "not licensed under", "nothing in this",
                           "may not use any name", "may not be used", "may not use", "must not use", "shall not use",
                           "only use our name", "neither the name", "nor the names", "without specific prior written permission",
                           "no right to use", "no rights to use", "not granted", "no license to use", "no licence to use",
                           "without the prior written", "are not licensed", "is not licensed", "does not grant you any",
                           "not grant you any", "except as required for reasonable and customary use",
                           "will not use", "shall not be used", "no trademark or publicity", "are not granted",
                           "does not grant any", "neither party may", "in accordance with our brand"],
        .endorse: ["endorse", "endorsed", "endorsement", "endorsing", "promote products", "sponsored", "official product",
                   "misrepresent the relationship", "imply", "affiliated", "affiliation"],

        .claimNone: ["claims no rights", "claim no rights", "claims no ownership", "claim no ownership",
                     "does not claim ownership", "not claim ownership", "does not claim any", "no contributor claims",
                     "not covered by this license", "claims no right", "makes no claim", "disclaims any ownership",
                     "claims no ownership rights", "claim no ownership rights", "does not claim any rights",
                     "do not claim", "does not claim", "not claim any", "no rights in the output", "claims any rights"],
        .ownYou: ["you own", "you will own", "you shall own", "owned by you", "belong to you", "belongs to you",
                  "you hold all rights", "you hold all right", "belong to the user", "belongs to the user",
                  "property of the licensee", "property of licensee",
                  "own the output", "own the outputs", "own any output", "own any outputs", "own all output",
                  "own all outputs", "you are the owner", "assign to you", "you retain all rights", "owner of the output",
                  "owner of any output", "your ownership", "ownership of the output", "ownership of output"],
        .ownUs: ["we own", "licensor owns", "owned by licensor", "owned by the licensor", "property of the licensor",
                 "we retain ownership", "retains all rights in the output", "owned by us", "belong to us",
                 "belongs to us", "belong to the licensor"],

        .remote: ["remotely", "restrict usage", "restrict access", "suspend your access", "suspend access",
                  "downgrade your account", "disable access", "disable your access", "terminate your access",
                  "suspend or terminate", "revoke access", "revoke your access", "kill switch", "restrict your access",
                  "restrict (remotely", "limit your access", "limit access", "block access", "disable the model",
                  "suspend your account"],
        .licensorMay: ["reserves the right", "reserve the right", "we may", "may suspend", "may downgrade",
                       "may restrict", "may disable", "may terminate", "may revoke", "may limit", "may block",
                       "retains the right", "right to restrict"],
        .change: ["modify", "modified", "update", "updated", "updates", "change", "changed", "changes", "amend",
                  "amended", "revise", "revised", "supplement", "replace"],
        .selfDoc: ["this agreement", "these terms", "this policy", "this license", "this licence", "the terms",
                   "acceptable use policy", "use policy", "aup", "prohibited use policy", "the policy",
                   "the agreement", "terms of use", "usage policies", "the license", "our policies",
                   "these license terms", "trustworthy ai terms"],
        .fromTime: ["from time to time", "at any time", "reserves the right", "reserve the right", "as may be updated",
                    "revised version", "as amended", "as updated", "in its sole discretion", "without notice",
                    "periodically", "as may be amended", "as may be modified", "at our discretion", "at its discretion"],

        .hosting: ["as a service", "hosted service", "managed service", "software as a service", "saas",
                   "host the model", "hosting the model", "cloud service", "api service", "model as a service",
                   "maas", "serve the model", "hosting service", "via an api", "through an api", "over a network",
                   "hosted api", "hosting", "host", "hosting use", "managed services", "shared instances",
                   "hosted services", "cloud services"],
        .permissionNeeded: ["prior written", "written permission", "written consent", "separate agreement",
                            "separate license", "must obtain", "need a license", "request a license", "express permission",
                            "without permission", "without our permission", "approval", "authorization", "authorisation",
                            "separate licence", "commercial license", "consent of", "permission of", "permission from"],
        .redistributeVerb: ["distribute", "redistribute", "redistribution", "sell", "lease", "rent", "resell", "share", "sublicense",
                            "publish", "make available", "transfer", "copy"],
        .noRedistribution: ["non redistributable", "not redistributable", "may not be redistributed",
                            "no right to redistribute", "redistribution is not permitted", "redistribution is prohibited",
                            "shall not be redistributed", "may not redistribute", "must not redistribute",
                            "shall not redistribute", "will not redistribute", "not redistribute",
                            "not be distributed", "may not distribute", "shall not distribute", "must not distribute",
                            "will not distribute", "not permitted to distribute", "no right to distribute"],
        .register: ["register", "registration", "registered", "request a license", "request a licence",
                    "apply for", "application", "written authorization", "written authorisation",
                    "obtain a commercial license", "commercial license", "commercial licence", "contact us",
                    "prior written permission", "prior approval", "must obtain", "sign up", "enterprise license",
                    "separate license", "separate agreement", "obtain a license", "obtain a licence", "contact"],
        .productOrService: ["product or service", "products or services", "product and service", "products and services",
                            "a service", "any service"],
        .productPlace: ["website", "web site", "user interface", "about page", "product documentation", "blogpost",
                        "blog post", "related website"],
        .noticeFilePlace: ["\"notice\" text file", "notice text file", "\"notice\" file", "notice file"],
        .copiesPlace: ["modified files", "the files", "all copies", "any copies", "such copies", "source form",
                       "object form", "binary form", "in the documentation", "substantial portions",
                       "you changed the files", "copies or substantial portions"],
        .modelCardPlace: ["model card", "model cards"],
        .hostedCarveOut: ["other than through a hosted service", "other than via a hosted service",
                          "except through a hosted service", "other than as a hosted service",
                          "excluding hosted services", "other than through a hosted"],
        .withCopies: ["with any such", "with such copies", "with all copies", "with any copies", "with every copy",
                      "with each copy", "with copies", "in all copies", "with the copies"],
        .remoteAccess: ["hosted service", "hosted services", "remote means", "remote access", "web access",
                        "api based", "as a service", "via api", "via an api", "through an api", "electronic or other remote",
                        "electronic or remote"],
        .createVerb: ["to create", "create", "creates", "creating"],
        .publicStatement: ["public statement", "public statements", "publicly states", "public announcement"],
        .unmodifiedOnly: ["in its entirety and without modifications", "without modification", "without modifications",
                          "unmodified"],
        .withOrWithout: ["with or without modification", "with or without modifications", "modified or unmodified",
                         "unmodified or modified"],
        .useLatest: ["use the latest version", "use the most recent version", "latest version of the model"],
        .multimodal: ["multimodal", "multi modal"],
        .domicile: ["domiciled in", "principal place of business", "resident in", "residents of", "residing in",
                    "headquartered in", "incorporated in", "organized under the laws of"],
        .endUsers: ["end users", "end user", "does not apply to end users"],
        .forIndividuals: ["services for individuals", "for individuals", "individual users", "consumer services"],
        .governsUse: ["govern use", "governs use", "govern your use", "governs your use", "govern the use",
                      "governs the use", "apply to your use", "applies to your use"],
        .businessUse: ["for businesses", "business use", "businesses and developers", "our apis", "the api", "apis",
                       "enterprise", "developers"],
        // Cap bases: the licensee with its affiliates, or one product or service.
        .withAffiliates: ["affiliates", "affiliate", "organizations", "organisations", "people or organizations",
                          "you and your affiliates"],
        .oneProduct: ["your product or service", "a product or service", "the product or service", "each product",
                      "per product", "any single product", "a single product", "any product or service", "per service"],
        // What a definition of derivatives counts: models trained on outputs, merges, modifications.
        .distillation: ["distillation", "distill", "distilled", "distilling", "synthetic data", "transfer of patterns"],
        .merging: ["merge", "merges", "merged", "merging", "model merging"],
        .modifying: ["modifications", "modification", "fine tune", "fine tuning", "fine tuned", "works based on"],
        .ifResident: ["if you reside in", "if you live in", "if you are a resident of", "if you are located in",
                      "residents of the european economic area", "if you are based in"],
        // A threshold that counts itself: "700 million or more", "at least", "equal to or greater than".
        .inclusiveCompare: ["or more", "or greater", "at least", "equal to or greater", "equal to or more", "not less than",
                            "no less than", "reaches", "reach", "or above", "equals or exceeds", "meets or exceeds"],
        // Making copies at all, in a list of banned acts ("Modify, copy, lease, sell or distribute").
        .copyVerb: ["copy", "reproduce"],
        .releaseDate: ["version release date", "release date"],
        .apiUse: ["our apis", "the api", "apis", "api access", "api platform"],
        .otherTerms: ["business terms", "services for businesses", "businesses and developers", "enterprise agreement",
                      "separate terms", "other terms"],
        // Detector words (see the enum): what tells one reading from another.
        .ruleWord: ["if", "where", "when", "require*", "eligible", "applies only", "available only", "free for",
                    "this license", "this licence", "this agreement"],
        .dutyVerbLead: ["include", "provide", "retain", "display", "prominently display", "give", "keep", "attach",
                        "reproduce", "cause"],
        .useWord: ["use"],
        // A registration asked for politely ("please register …") or as a requirement.
        .requestWord: ["require*", "please"],
        .completeRegistration: ["complete registration"],
        .explicitRegistration: ["register", "registration", "apply for", "application", "written authorization",
                                "written authorisation", "sign up", "prior approval"],
        .licenceRequest: ["request a license", "request a licence", "obtain a commercial license", "prior written permission",
                          "obtain a license", "obtain a licence", "contact us"],
        .enforceableProvision: ["enforceable provision*"],
        .incorporation: ["is subject to", "forms part", "form part", "incorporated"],
        .useBan: ["not use", "not to use", "cannot use", "from using", "never use", "allowed to use", "permitted to use",
                  "prohibits the use", "prohibit the use"],
        .followingRestrictions: ["following restrictions", "following license restrictions", "following use restrictions",
                                 "following licence restrictions"],
        .beIncluded: ["shall be included", "must be included", "should be included"],
        .displayVerb: ["display", "displays", "prominently"],
        .ownCreditVerb: ["display", "displays", "displayed", "prominently", "credit", "cite", "attribute", "acknowledge"],
        .creditVerb: ["credit", "cite", "give appropriate credit", "attribute"],
        // "credit card", "credit score": nouns, not a duty to credit.
        .creditNoun: ["card", "cards", "score", "scores", "rating", "ratings", "facility", "facilities", "line", "lines"],
        .mayAddOwn: ["may add your own"],
        .agreeBound: ["agree to be bound"],
        .acknowledgeUse: ["acknowledge the use", "acknowledge the source"],
        .notRequired: ["not required", "need not", "not need to"],
        // Narrower: the duty itself is waived ("is not required to include"), not some other thing in the
        // sentence ("a NOTICE file is not required").
        .notRequiredTo: ["not required to", "need not", "not need to"],
        .noAttribution: ["no attribution", "without attribution"],
        .doesNotRequire: ["does not require"],
        .fileWord: ["text file", "file"],
        .orOutputs: ["or any output*", "or its output*", "or the output*", "or any results", "or their output*"],
        .genericModel: ["models", "foundation model", "foundation models", "large language models", "language models",
                        "ai models", "llms", "machine learning models"],
        .ourWord: ["our"],
        .subjectTo: ["subject to"],
        .noRepresentation: ["no representation*"],
        .courts: ["court", "courts"],
        .lawWord: ["law*"],
        .underWord: ["under"],
        .lawsOf: ["laws of"],
        .lawGoverns: ["law will govern", "laws will govern", "law shall govern", "laws shall govern", "laws govern", "law governs"],
        .governWord: ["governed by", "governed and construed", "governed in all respects by", "law will govern",
                      "laws will govern", "law shall govern", "laws shall govern", "laws govern", "law governs",
                      "governed under", "is governed", "will be governed", "shall be governed", "governed exclusively by",
                      "govern this", "shall govern this", "will govern this"],
        .hostingWeak: ["host", "hosting"],
        .hostThe: ["host the", "hosting of"],
        .otherThanThrough: ["other than through"],
        .notConsidered: ["not be considered", "not considered", "does not constitute"],
        .theWork: ["the work", "the works"],
        .withCopyOfThis: ["with a copy of this", "accompanied by a copy of this"],
        .includeVerb: ["include"],
        .selfNotice: ["this permission notice", "this list of conditions"],
        .licenseNotice: ["license notice*", "license statement*"],
        .thisNotice: ["this notice"],
        .commercialLicence: ["commercial licen*"],
        .grantWord: ["grant*"],
        .otherThanCommercial: ["other than commercial"],
        .nonCommercialLicence: ["under a non commercial licen*", "under the non commercial licen*", "is a non commercial licen*",
                                "this non commercial licen*"],
        // After a registration step: "Without this, you are not allowed to use … commercially" makes the step a
        // condition; it does not withhold commercial use.
        .withoutThis: ["without this", "without it", "without doing so", "without registration", "without registering"],
        .commercialBare: ["commercial", "commercially"],
        .nonCommercialWord: ["non commercial*"],
        .includingForCommercial: ["including for commercial"],
        .productionLimit: ["does not include any production", "not for production", "not intended for production",
                           "not be used in production", "excluding production", "other than commercial or production",
                           "other than production"],
        .licenseeMayNotClaim: ["licensee shall not claim", "you shall not claim", "you will not claim", "you may not claim",
                               "licensee may not claim"],
        .rightsWord: ["right*", "ownership", "title", "own*", "not covered by this license"],
        .youHold: ["you hold all rights", "you hold all right"],
        .doNotOwn: ["do not own"],
        .rightsTitle: ["rights, title"],
        .patentWord: ["patent*"],
        .sueVerb: ["sue", "sues", "suing"],
        .makeClaim: ["make any written claim", "make any claim", "makes any claim"],
        .subjectToChange: ["subject to update*", "subject to change*", "subject to revision*"],
        .mayChange: ["may update", "may modify", "may amend", "may change"],
        .mayWord: ["may"],
        .reservesRight: ["reserves the right", "reserve the right"],
        .mayBe: ["may be"],
        .reservesWord: ["reserves"],
        .beWord: ["be"],
        .asMayBe: ["as may be updated", "as may be modified", "as updated from time"],
        .asMayBeAmended: ["as may be amended"],
        .inAccordance: ["amended in accordance with", "modified in accordance with"],
        .youMayChange: ["you may modify", "you may update", "you may change"],
        .sellVerb: ["distribute", "redistribute", "redistribution", "sell", "lease", "rent", "resell", "sublicense"],
        .remotelyWord: ["remotely"],
        .restrictWord: ["restrict*", "disable*", "limit*"],
        .otherThan: ["other than"],
        // A limiter that governs a grant or use names a licence, a right or a use ("use", not "house").
        .grantTerms: ["licen*", "use*", "grant*", "right*"],
        .notOnlyResearch: ["not limited to research", "not only for research"],
        .explicitSameTerms: ["under the same license", "under the same license terms", "same license elements", "identical license",
                             "by sa compatible", "sharealike", "share alike", "same or a compatible license", "copyleft"],
        .carrier: ["provided", "licensed", "distribute", "distributes", "distributed", "do so", "share", "shared", "shares", "made available", "granted by",
                   "release*", "are subject", "remain subject", "is subject", "will remain", "sublicense", "must license",
                   "shall license", "license any", "license all", "license your", "license such"],
        .grantedToYou: ["granted to you"],
        .onlyWord: ["only"],
        .underTermsVerb: ["provided under", "licensed under", "remain subject", "granted", "must license", "shall license"],
        .shareBinding: ["only", "must", "shall", "will remain", "are subject to", "is subject to"],
        .markWord: ["trademark", "trademarks", "trade name", "trade names", "service mark", "service marks", "logo", "logos",
                    "name or mark", "names or marks", "our name", "names of its contributors", "the name of", "marks",
                    "publicity rights", "trade dress", "brand", "branding"],
        // Notices to keep that name trademarks among them restrict no trademark.
        .noticeOfMarks: ["patent, trademark, and attribution notices"],
        .endorseStrong: ["endorse", "endorsed", "endorsement", "endorsing", "promote products", "official product",
                         "misrepresent the relationship"],
        .noEndorsement: ["no endorsement"],
        .disclaimsEndorsement: ["does not endorse", "do not endorse"],
        .agreementOrLicense: ["agreement*", "license*", "licence*"],
        .subsequentUsers: ["enforceable provision*", "subsequent users"],
        .applyTo: ["also apply", "also applies", "apply to", "applies to"],
        .contradict: ["contradict*"],
        .includeWord: ["include*"],
        .requireWord: ["require*"],
        .complyWith: ["comply with", "abide by"],
        .carryThe: ["carry the"],
        .subjectToRestrictions: ["subject to the restrictions"],
        .licenseSpecifies: ["license specifies"],
        .perDay: ["users per day", "per day"],
        .monthWord: ["month*"],
        .perMonth: ["per month", "calendar month", "each month", "monthly"],
        .means: ["\" means", "\" shall mean", "\" refers to", "\" has the meaning", "\" is defined", "\" mean",
                 "\" means,", "\"), means", "shall mean", "\": means", "\": shall mean",
                 "\": refers to"],
    ]

    /// Place names that licences withhold rights in, and their ISO 3166 codes (or EU).
    static let regions: [(String, String)] = [
        ("european union", "EU"), ("the eu", "EU"), ("eu", "EU"), ("european economic area", "EU"),
        ("china", "CN"), ("people's republic of china", "CN"), ("prc", "CN"), ("mainland china", "CN"),
        ("united states", "US"), ("united states of america", "US"), ("usa", "US"),
        ("united kingdom", "GB"), ("uk", "GB"), ("great britain", "GB"),
        ("russia", "RU"), ("russian federation", "RU"), ("iran", "IR"), ("north korea", "KP"), ("cuba", "CU"),
        ("syria", "SY"), ("belarus", "BY"), ("venezuela", "VE"), ("crimea", "UA"), ("ukraine", "UA"),
        ("india", "IN"), ("japan", "JP"), ("south korea", "KR"), ("republic of korea", "KR"), ("canada", "CA"),
        ("brazil", "BR"), ("australia", "AU"), ("switzerland", "CH"), ("singapore", "SG"), ("hong kong", "HK"),
        ("taiwan", "TW"), ("macau", "MO"), ("israel", "IL"), ("turkey", "TR"), ("germany", "DE"), ("france", "FR"),
        ("italy", "IT"), ("spain", "ES"), ("netherlands", "NL"), ("ireland", "IE"), ("quebec", "CA"),
        ("california", "US"), ("illinois", "US"), ("texas", "US"),
    ]

    /// Jurisdictions named by governing-law clauses: ISO 3166-1, with the subdivision for US states.
    static let jurisdictions: [(String, String)] = {
        var out: [(String, String)] = [
            ("people's republic of china", "CN"), ("prc", "CN"), ("china", "CN"), ("mainland china", "CN"),
            ("中华人民共和国", "CN"), ("中国", "CN"),
            ("singapore", "SG"), ("england and wales", "GB"), ("england", "GB"), ("united kingdom", "GB"),
            ("scotland", "GB"), ("ireland", "IE"), ("republic of ireland", "IE"), ("republic of korea", "KR"),
            ("korea", "KR"), ("south korea", "KR"), ("united arab emirates", "AE"), ("abu dhabi", "AE"),
            ("dubai", "AE"), ("switzerland", "CH"), ("france", "FR"), ("germany", "DE"), ("japan", "JP"),
            ("india", "IN"), ("israel", "IL"), ("canada", "CA"), ("ontario", "CA"), ("british columbia", "CA"),
            ("netherlands", "NL"), ("the netherlands", "NL"), ("hong kong", "HK"), ("taiwan", "TW"),
            ("sweden", "SE"), ("finland", "FI"), ("spain", "ES"), ("italy", "IT"), ("luxembourg", "LU"),
            ("belgium", "BE"), ("austria", "AT"), ("denmark", "DK"), ("norway", "NO"), ("australia", "AU"),
            ("new zealand", "NZ"), ("brazil", "BR"), ("saudi arabia", "SA"), ("qatar", "QA"),
            ("united states", "US"), ("united states of america", "US"), ("u.s", "US"), ("usa", "US"),
            // Adjectives, read only before "law" ("governed by Swiss law", "English law applies").
            ("swiss", "CH"), ("german", "DE"), ("french", "FR"), ("english", "GB"), ("irish", "IE"), ("dutch", "NL"),
            ("japanese", "JP"), ("chinese", "CN"), ("singaporean", "SG"), ("korean", "KR"), ("indian", "IN"),
            ("israeli", "IL"), ("canadian", "CA"), ("swedish", "SE"), ("finnish", "FI"), ("spanish", "ES"),
            ("italian", "IT"), ("belgian", "BE"), ("austrian", "AT"), ("danish", "DK"), ("norwegian", "NO"),
            ("australian", "AU"), ("brazilian", "BR"),
        ]
        let states: [(String, String)] = [
            ("alabama", "AL"), ("alaska", "AK"), ("arizona", "AZ"), ("arkansas", "AR"), ("california", "CA"),
            ("colorado", "CO"), ("connecticut", "CT"), ("delaware", "DE"), ("florida", "FL"), ("georgia", "GA"),
            ("hawaii", "HI"), ("idaho", "ID"), ("illinois", "IL"), ("indiana", "IN"), ("iowa", "IA"),
            ("kansas", "KS"), ("kentucky", "KY"), ("louisiana", "LA"), ("maine", "ME"), ("maryland", "MD"),
            ("massachusetts", "MA"), ("michigan", "MI"), ("minnesota", "MN"), ("mississippi", "MS"),
            ("missouri", "MO"), ("montana", "MT"), ("nebraska", "NE"), ("nevada", "NV"), ("new hampshire", "NH"),
            ("new jersey", "NJ"), ("new mexico", "NM"), ("new york", "NY"), ("north carolina", "NC"),
            ("north dakota", "ND"), ("ohio", "OH"), ("oklahoma", "OK"), ("oregon", "OR"), ("pennsylvania", "PA"),
            ("rhode island", "RI"), ("south carolina", "SC"), ("south dakota", "SD"), ("tennessee", "TN"),
            ("texas", "TX"), ("utah", "UT"), ("vermont", "VT"), ("virginia", "VA"), ("washington", "WA"),
            ("west virginia", "WV"), ("wisconsin", "WI"), ("wyoming", "WY"), ("district of columbia", "DC"),
        ]
        for (name, code) in states {
            out.append(("state of " + name, "US-" + code))
            out.append((name, "US-" + code))
        }
        return out
    }()

    /// The compiled matcher and, per phrase, its groups (or its region / jurisdiction code).
    struct Compiled: Sendable {
        let phraseGroups: [[G]]
        let regionCode: [String?]
        let jurisdictionCode: [String?]
        let phraseText: [String]
    }

    /// A web address: `t.lowercased().hasPrefix("http")` without building the lower-case copy: the first four bytes read
    /// "http" in any case and no combining scalar follows them (no other scalar lower-cases to those
    /// letters); anything else non-ASCII after them is left to the String comparison.
    static func isWebAddress(_ t: String) -> Bool {
        var it = t.utf8.makeIterator()
        for c in "http".utf8 {
            guard let b = it.next(), b | 0x20 == c else { return false }
        }
        guard let after = it.next(), after >= 0x80 else { return true }
        return t.lowercased().hasPrefix("http")
    }

    /// The words of a quotation, counted as runs of characters between spaces.
    static func wordCount(_ t: String) -> Int { t.split(separator: " ").count }

    /// The region code of the European Union (with the EEA, as licences withhold rights there).
    static let europeanUnion = "EU"

    /// Whether `code` names a subdivision of `country` ("US-CA" of "US"): the narrower jurisdiction wins.
    static func isSubdivision(_ code: String, of country: String) -> Bool {
        code.count > country.count + 1 && code.hasPrefix(country) && code.utf8[code.utf8.index(code.utf8.startIndex, offsetBy: country.utf8.count)] == 0x2D
    }

    /// The word before a version number a licence states of itself ("Version 2.0").
    static let versionWord = "version"
    /// The labels of a date a licence states of itself ("Version Release Date: July 23, 2024").
    static let dateLabels = ["release date", "last modified", "last updated", "effective:", "effective date", "updated:"]
    /// What opens the label a definition gives a quotation: `(the "Attribution Notice")`.
    static let definitionLabelOpening = "(the "

    /// The character that makes a Chinese clause passive ("受中华人民共和国法律管辖": governed by PRC law).
    static let passiveMarkerCJK = "受"

    static let compiled: Compiled = {
        var index: [String: Int] = [:]
        var phrases: [String] = []
        var groupsOf: [[G]] = []
        var regionCode: [String?] = []
        var jurisdictionCode: [String?] = []
        func add(_ p: String, _ g: G) -> Int {
            if let i = index[p] {
                if !groupsOf[i].contains(g) { groupsOf[i].append(g) }
                return i
            }
            index[p] = phrases.count
            phrases.append(p); groupsOf.append([g]); regionCode.append(nil); jurisdictionCode.append(nil)
            return phrases.count - 1
        }
        for g in G.allCases { for p in groups[g] ?? [] { _ = add(p, g) } }
        for (p, c) in regions { let i = add(p, .region); regionCode[i] = c }
        for (p, c) in jurisdictions { let i = add(p, .jurisdiction); jurisdictionCode[i] = c }
        return Compiled(phraseGroups: groupsOf, regionCode: regionCode, jurisdictionCode: jurisdictionCode, phraseText: phrases)
    }()

    /// The matcher of the lexicon's phrases alone, built on first use: a run with a catalogue matches the
    /// lexicon together with the catalogue's phrases instead (`Catalogue.combinedMatcher`).
    static let matcher = PhraseMatcher(phrases: compiled.phraseText)
}
