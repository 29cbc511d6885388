import Testing
import Foundation
@testable import LicenseLint

/// One synthetic sentence pattern per clause kind, written for these tests; "⟦" marks where the
/// evidence must start. Each case also runs re-wrapped, with CRLF, curly quotes and a prepended paragraph.
struct DetectorCase: CustomTestStringConvertible, Sendable {
    var kind: ClauseKind
    var text: String
    var parameters: [String: String] = [:]
    var testDescription: String { "\(kind.rawValue): \(text.prefix(50))" }
}

let positiveCases: [DetectorCase] = [
    DetectorCase(kind: .userCap, text: "Terms.\n\n⟦2. If the products of the Licensee have more than 300 million monthly active users in a calendar month, you must request a license from Provider.", parameters: ["threshold": "300000000", "metric": "monthly-active-users", "consequence": "license-required"]),
    DetectorCase(kind: .userCap, text: "⟦Where your service exceeds 50,000,000 daily active users, you shall obtain a separate license.", parameters: ["threshold": "50000000", "metric": "daily-active-users"]),
    DetectorCase(kind: .userCap, text: "⟦If you have more than one hundred million monthly active users you must request a license from us.", parameters: ["threshold": "100000000"]),
    DetectorCase(kind: .userCap, text: "⟦For commercial use, the daily active users of your services must be fewer than 2,000,000.", parameters: ["threshold": "2000000", "metric": "daily-active-users"]),
    DetectorCase(kind: .revenueCap, text: "⟦If a product built on the Model has more than 30 million US dollars in monthly revenue, you shall show \"Made with Orbit\" in it.", parameters: ["amount": "30000000", "currency": "USD", "period": "monthly", "consequence": "obligation"]),
    DetectorCase(kind: .attribution, text: "⟦If a product built on the Model has more than 30 million users, you shall prominently display \"Orbit Inside\" on its user interface.", parameters: ["notice": "Orbit Inside"]),
    DetectorCase(kind: .shareAlike, text: "If You Share Adapted Material, these conditions also apply:\n\n⟦1. The licence You apply to Adapted Material must be a licence with the same License Elements."),
    DetectorCase(kind: .hostingRestriction, text: "⟦You may not use the Work for Hosting Use without a separate licence from the Licensor."),
    DetectorCase(kind: .geographicRestriction, text: "⟦THIS AGREEMENT DOES NOT APPLY IN THE EUROPEAN UNION, THE UNITED KINGDOM OR SOUTH KOREA.", parameters: ["regions": "[EU, GB, KR]"]),
    DetectorCase(kind: .userCap, text: "⟦Active users > 250 million require an enterprise licence from us.", parameters: ["threshold": "250000000", "metric": "users"]),
    DetectorCase(kind: .userCap, text: "⟦If your MAU exceeds 100M, you must obtain a separate license.", parameters: ["threshold": "100000000", "metric": "monthly-active-users"]),
    DetectorCase(kind: .competingModelBan, text: "⟦You agree not to use the Model, or any Derivative of it, for the purpose of training another foundation model."),
    DetectorCase(kind: .competingModelBan, text: "⟦Distillation of the Model into other models is prohibited."),
    DetectorCase(kind: .nonCommercial, text: "⟦You are not allowed to use this model for commercial purposes without prior written permission from the Licensor."),
    DetectorCase(kind: .nonCommercial, text: "⟦Commercial use of the Model is prohibited."),
    DetectorCase(kind: .revenueCap, text: "⟦If your revenue is greater than one million US dollars per year, you must purchase a commercial license.", parameters: ["amount": "1000000", "currency": "USD"]),
    DetectorCase(kind: .revenueCap, text: "⟦If your organisation generates more than US$5,000,000 in annual revenue, you must obtain a commercial license.", parameters: ["amount": "5000000", "currency": "USD", "period": "annual"]),
    DetectorCase(kind: .revenueCap, text: "⟦Entities with annual revenue above EUR 10 million must obtain an enterprise license.", parameters: ["amount": "10000000", "currency": "EUR"]),
    DetectorCase(kind: .competingModelBan, text: "⟦You will not use the Materials or any output of the Materials to improve any other large language model (excluding the Provider family).", parameters: ["scope": "both"]),
    DetectorCase(kind: .competingModelBan, text: "What you cannot do. For example, you may not:\n\nCopy the service.\n\n⟦Use Output to develop models that compete with the Provider.", parameters: ["scope": "outputs"]),
    DetectorCase(kind: .namingRequirement, text: "⟦If you distribute a fine-tuned model, you shall include \"Nimbus\" at the beginning of the name of that model.", parameters: ["prefix": "Nimbus"]),
    DetectorCase(kind: .attribution, text: "⟦You must retain all copyright, patent and attribution notices in the copies you distribute."),
    DetectorCase(kind: .attribution, text: "⟦If you make the Materials available, you shall prominently display \"Powered by Nimbus\" on your website.", parameters: ["notice": "Powered by Nimbus"]),
    DetectorCase(kind: .licenseCopyRequired, text: "⟦You must give any other recipients of the Model a copy of this License."),
    // Something else not required in the same sentence does not waive the duty.
    DetectorCase(kind: .licenseCopyRequired, text: "⟦You must give any recipient of the Model a copy of this License; a separate notice file is not required."),
    DetectorCase(kind: .useRestrictionFlowdown, text: "⟦The use restrictions in Section 5 must be included as an enforceable provision in any agreement under which you distribute the Model."),
    DetectorCase(kind: .acceptableUse, text: "⟦Your use of the Model must comply with the Acceptable Use Policy, which is hereby incorporated by reference.", parameters: ["policy": "incorporated"]),
    DetectorCase(kind: .acceptableUse, text: "⟦You agree not to use the Model:\n\n(a) to harass or bully anyone;\n\n(b) for the surveillance of individuals.", parameters: ["policy": "inline"]),
    // One sentence that forbids two kinds of harm; a credit line to include; ownership of content generated.
    DetectorCase(kind: .acceptableUse, text: "⟦You must not use the Model to create malware or to conduct cyberattacks, or to harass any person.", parameters: ["policy": "inline", "categories": "[harassment, malware-cyberattack]"]),
    DetectorCase(kind: .attribution, text: "⟦You must include the notice \"Powered by Orion\" in any product that incorporates the Model.", parameters: ["notice": "Powered by Orion"]),
    DetectorCase(kind: .outputOwnership, text: "⟦We do not claim ownership of the content you generate with the Model.", parameters: ["owner": "unclaimed"]),
    DetectorCase(kind: .attribution, text: "⟦You must clearly credit the Licensor as the creator of the Model in any publication or product."),
    DetectorCase(kind: .redistributionBan, text: "⟦You may not distribute the Model or any derivative of it to any third party."),
    DetectorCase(kind: .shareAlike, text: "⟦Derivatives of the Model must be distributed under this license and no other."),
    DetectorCase(kind: .useRestrictionFlowdown, text: "⟦You shall require all recipients of the Model to comply with the use restrictions in this Agreement."),
    DetectorCase(kind: .governingLaw, text: "⟦This Agreement is governed by Swiss law.", parameters: ["jurisdiction": "CH"]),
    DetectorCase(kind: .governingLaw, text: "⟦The laws of the Republic of Singapore govern this License.", parameters: ["jurisdiction": "SG"]),
    DetectorCase(kind: .patentRetaliation, text: "⟦Your patent license terminates if you sue anyone claiming that the Model infringes your patents."),
    DetectorCase(kind: .redistributionBan, text: "⟦Redistribution of the Model weights is not permitted."),
    DetectorCase(kind: .namingRequirement, text: "⟦Any model derived from Orion must include \"Orion\" in its name.", parameters: ["prefix": "Orion"]),
    DetectorCase(kind: .acceptableUse, text: "⟦Your use of the Model is subject to the Orion Usage Policy, which forms part of this Agreement.", parameters: ["policy": "incorporated"]),
    DetectorCase(kind: .shareAlike, text: "⟦You must license any Derivative Model under the same terms as this License."),
    DetectorCase(kind: .userCap, text: "⟦If the daily active users of all products or services of you or your affiliates exceed 1 million, you must apply to us for a commercial license.", parameters: ["threshold": "1000000", "metric": "daily-active-users"]),
    DetectorCase(kind: .commercialRegistration, text: "⟦Commercial use requires completing the registration form on our website before deployment."),
    DetectorCase(kind: .revenueCap, text: "⟦This license is free for individuals and organizations with less than USD $1,000,000 in annual revenue.", parameters: ["amount": "1000000", "currency": "USD", "period": "annual"]),
    DetectorCase(kind: .nonCommercial, text: "⟦The Model is made available under a non-commercial license."),
    DetectorCase(kind: .nonCommercial, text: "⟦Use of the Model to generate revenue, directly or indirectly, is prohibited."),
    DetectorCase(kind: .nonCommercial, text: "⟦NO COMMERCIAL USE IS PERMITTED UNDER THIS LICENSE."),
    DetectorCase(kind: .competingModelBan, text: "⟦Outputs may not be used to develop foundation models.", parameters: ["scope": "outputs"]),
    DetectorCase(kind: .competingModelBan, text: "⟦Outputs may not be used to train large language models.", parameters: ["scope": "outputs"]),
    DetectorCase(kind: .competingModelBan, text: "⟦The Outputs shall not be used to train machine learning models.", parameters: ["scope": "outputs"]),
    DetectorCase(kind: .nonProduction, text: "⟦This release is for evaluation purposes only and is not licensed for production deployment."),
    // Shapes seen in real licences outside the evaluation corpus (written afresh here).
    DetectorCase(kind: .acceptableUse, text: "You may only use the Model for non-commercial purposes, and ⟦you must adhere to the following license restrictions:\n\n1) Your use of the Model must not promote terrorism, ethnic hatred, violence or pornography.\n\n2) You shall not use the Model for military purposes.", parameters: ["policy": "inline", "categories": "[violence-weapons, military, sexual-content, hate-speech]"]),
    DetectorCase(kind: .attribution, text: "⟦You must clearly attribute the source of the Model to the Licensor."),
    DetectorCase(kind: .attribution, text: "⟦You must retain the following attribution notice within a \"Notice\" text file distributed with all copies: \"Orion is licensed under the Orion License, Copyright (c) Example Cloud. All Rights Reserved.\"", parameters: ["notice": "Orion is licensed under the Orion License, Copyright (c) Example Cloud. All Rights Reserved."]),
    DetectorCase(kind: .competingModelBan, text: "⟦You will not use Orion or Orion Derivatives or any Output to improve any other large language model (excluding Orion or Orion Derivatives).", parameters: ["scope": "both", "except": "Orion or Orion Derivatives"]),
    DetectorCase(kind: .nonCommercial, text: "\"Research Purposes\": means any use of the Model that is solely for (a) academic research and (b) non-profit and non-commercial purposes.\n\n⟦You shall only use the Model, its Derivatives and Outputs for Research Purposes."),
    DetectorCase(kind: .useRestrictionFlowdown, text: "⟦Any Derivatives that you create shall be subject to the restrictions set out in Section 3 of this Agreement."),
    DetectorCase(kind: .acceptableUse, text: "⟦Subject to your compliance with this Agreement, the AUP (which is hereby incorporated herein by reference), and the Documentation, the Licensor grants you a limited license to use the Model.", parameters: ["policy": "incorporated"]),
    DetectorCase(kind: .nonProduction, text: "\"Non-Commercial Uses\" means using the Model for research or non-commercial purposes. ⟦Non-Commercial Uses does not include any production use of the Model."),
    DetectorCase(kind: .nonCommercial, text: "⟦The Licensor grants you a limited license to reproduce and distribute the Model for purposes other than commercial or production use."),
    DetectorCase(kind: .nonProduction, text: "⟦The Licensor grants you a limited license to reproduce and distribute the Model for purposes other than commercial or production use."),
    DetectorCase(kind: .competingModelBan, text: "⟦You must not use the Orion Works or any Output or results of the Orion Works to improve any other large language model.", parameters: ["scope": "both"]),
    DetectorCase(kind: .acceptableUse, text: "⟦You are not allowed to use, copy, modify or distribute this software for any military or illegal purposes.", parameters: ["categories": "[illegal-activity, military]"]),
    DetectorCase(kind: .licenseCopyRequired, text: "⟦The license notice shall be included in all copies or substantial portions of the Software."),
    DetectorCase(kind: .researchOnly, text: "\"Non-Commercial\" shall mean for research or evaluation purposes only.\n\n⟦You are granted a limited license to use and modify the Materials FOR NON-COMMERCIAL PURPOSES ONLY."),
    DetectorCase(kind: .attribution, text: "⟦You must retain the following attribution notice within a \"Notice\" text file: \"Orion is licensed under the Orion Non-Commercial Research License.\"", parameters: ["notice": "Orion is licensed under the Orion Non-Commercial Research License."]),
    DetectorCase(kind: .namingRequirement, text: "⟦If you use the Materials to create or improve an AI model, you should also add \"orion-4\" to the beginning of any such AI model name.", parameters: ["prefix": "orion-4"]),
    DetectorCase(kind: .commercialRegistration, text: "This license allows free use for academic research. ⟦For users who wish to use the models for commercial purposes, please complete registration first."),
    DetectorCase(kind: .licenseCopyRequired, text: "If you distribute the Materials or products incorporating them:\n\n- ⟦Include this Agreement and a notice stating: \"This product includes materials licensed under the Orion License.\"\n\n- Prominently display \"Powered by Orion\" in related materials."),
    DetectorCase(kind: .attribution, text: "If you distribute the Materials or products incorporating them:\n\n- Include this Agreement with them.\n\n- ⟦Prominently display \"Powered by Orion\" in related materials.", parameters: ["notice": "Powered by Orion"]),
    DetectorCase(kind: .licenseCopyRequired, text: "⟦You may (a) use the Models and (b) distribute the Models or Derivative Models in each case with a copy of this Agreement."),
    DetectorCase(kind: .acceptableUse, text: "⟦The Licensor expressly prohibits the use of the Models (a) for surveillance in private places, (b) for remote biometric identification of people.", parameters: ["categories": "[privacy-pii, surveillance]"]),
    DetectorCase(kind: .outputOwnership, text: "⟦As between you and the Licensor you hold all rights, title and interest in and to: (i) Derivative Models that you develop, and (ii) outputs of the Models.", parameters: ["owner": "licensee"]),
    DetectorCase(kind: .revenueCap, text: "\"Threshold\" shall mean annual revenue of 10 million United States dollars ($10,000,000) or more.\n\n⟦Any Commercial Use of the Work by a Legal Entity that exceeds the Threshold is not licensed under this Agreement.", parameters: ["amount": "10000000", "currency": "USD", "period": "annual", "consequence": "license-required"]),
    DetectorCase(kind: .userCap, text: "⟦If the number of service users (visits) for your commercial activities exceeds 1 million visits per month, you need to contact our business team to obtain further commercial licenses.", parameters: ["threshold": "1000000", "consequence": "license-required"]),
    DetectorCase(kind: .licenseCopyRequired, text: "⟦The above copyright statement and this license statement should be included in all copies or significant portions of this software."),
    DetectorCase(kind: .outputOwnership, text: "⟦The intellectual property rights of the generated content belong to the user.", parameters: ["owner": "licensee"]),
    DetectorCase(kind: .outputOwnership, text: "⟦All output generated by the Model shall be the sole property of the Licensee.", parameters: ["owner": "licensee"]),
    DetectorCase(kind: .patentRetaliation, text: "⟦If you make any written claim that the model infringes any patent, your licenses under this license end immediately."),
    DetectorCase(kind: .trademarkRestriction, text: "⟦This license does not grant you the right to use Orion trademarks, trade names or logos."),
    DetectorCase(kind: .researchOnly, text: "⟦You will not use the Research Materials in connection with any commercial uses or for any uses other than Noncommercial Research Uses."),
    DetectorCase(kind: .attribution, text: "⟦If you publish results obtained with the Research Materials, you must acknowledge the use of Research Materials in your publication."),
    DetectorCase(kind: .policyMayChange, text: "⟦Please note that the license is subject to update to a more comprehensive version."),
    DetectorCase(kind: .attribution, text: "⟦You must display the following notice alongside any distribution of the Model:\n\n\"The Orion Model is licensed by Example Labs under the Orion Non-Commercial License.\n\nIN NO EVENT SHALL EXAMPLE LABS BE LIABLE.\"", parameters: ["notice": "The Orion Model is licensed by Example Labs under the Orion Non-Commercial License."]),
    DetectorCase(kind: .outputOwnership, text: "⟦All rights, title, and interest in and to the Output generated by the Model and Derivatives, whether in its original form or modified, shall remain the exclusive property of the Licensor.", parameters: ["owner": "licensor"]),
    DetectorCase(kind: .attribution, text: "⟦All distributions must be accompanied by a \u{201C}Notice\u{201D} text file that contains the following notice: \u{201C}Orion is licensed under the Orion License. The trademark rights of \u{201C}Orion\u{201D} are owned by Example Corp.\u{201D}", parameters: ["notice": "Orion is licensed under the Orion License. The trademark rights of \"Orion\" are owned by Example Corp."]),
    // The same list written inline, in one paragraph.
    DetectorCase(kind: .acceptableUse, text: "⟦You agree not to use the Model: (a) to harass or bully anyone; (b) for the surveillance of individuals.", parameters: ["policy": "inline", "categories": "[harassment, surveillance]"]),
    DetectorCase(kind: .acceptableUse, text: "Use restrictions.\n\n⟦You agree not to use the Model: 1. To harass or bully anyone 2. For the surveillance of individuals; and 3. To generate malware.", parameters: ["categories": "[harassment, surveillance, malware-cyberattack]"]),
    DetectorCase(kind: .nonCommercial, text: "⟦The Provider grants you a licence to use the Model solely for non-commercial purposes."),
    DetectorCase(kind: .nonCommercial, text: "You will not, and will not permit anyone to:\n\n⟦a. use the Model for any commercial purposes;\n\nb. remove notices."),
    DetectorCase(kind: .researchOnly, text: "⟦You may use the Model solely for research and evaluation purposes under this licence."),
    DetectorCase(kind: .nonProduction, text: "⟦You may use the Model for non-production purposes only, such as testing."),
    DetectorCase(kind: .geographicRestriction, text: "⟦The rights granted under this licence are not granted to you if you are domiciled in the European Union or in Switzerland.", parameters: ["regions": "[CH, EU]"]),
    DetectorCase(kind: .hostingRestriction, text: "⟦You may not make the Model available to third parties as a hosted service without a separate agreement."),
    DetectorCase(kind: .redistributionBan, text: "⟦You may not redistribute the Model weights."),
    DetectorCase(kind: .shareAlike, text: "⟦If you distribute the Model or any derivative works of it, you may only do so under the terms of this Agreement."),
    DetectorCase(kind: .commercialRegistration, text: "⟦Before any commercial use of the Model, you must register with the Provider."),
    DetectorCase(kind: .governingLaw, text: "⟦This Agreement will be governed by the laws of the State of New York.", parameters: ["jurisdiction": "US-NY"]),
    DetectorCase(kind: .governingLaw, text: "⟦This licence is governed by and construed in accordance with the laws of England and Wales.", parameters: ["jurisdiction": "GB"]),
    DetectorCase(kind: .governingLaw, text: "⟦The agreement will be governed and construed under the laws of the People's Republic of China.", parameters: ["jurisdiction": "CN"]),
    DetectorCase(kind: .governingLaw, text: "⟦Singapore law will govern these terms.", parameters: ["jurisdiction": "SG"]),
    DetectorCase(kind: .patentRetaliation, text: "⟦If you institute litigation against any entity alleging that the Model infringes a patent, your licences under this Agreement terminate."),
    DetectorCase(kind: .trademarkRestriction, text: "⟦This licence does not grant permission to use the trade names or trademarks of the Provider."),
    DetectorCase(kind: .outputOwnership, text: "⟦The Provider claims no rights in the Output you generate with the Model.", parameters: ["owner": "unclaimed"]),
    DetectorCase(kind: .outputOwnership, text: "⟦As between the parties, you own the Output.", parameters: ["owner": "licensee"]),
    DetectorCase(kind: .remoteRestriction, text: "⟦The Provider reserves the right to restrict (remotely or otherwise) usage of the Model that violates this licence."),
    DetectorCase(kind: .policyMayChange, text: "⟦The Provider may modify this Agreement from time to time."),
    DetectorCase(kind: .exportControl, text: "⟦You must comply with all applicable export control and sanctions laws."),
    // Numbers as they are written around the world, and caps that forbid rather than add a duty.
    DetectorCase(kind: .userCap, text: "⟦If the products of Licensee have more than 700 000 000 monthly active users, you must request a license.", parameters: ["threshold": "700000000"]),
    DetectorCase(kind: .userCap, text: "⟦If the products of Licensee have more than 700.000.000 monthly active users, you must request a license.", parameters: ["threshold": "700000000"]),
    DetectorCase(kind: .userCap, text: "⟦If the products of Licensee have more than 700'000'000 monthly active users, you must request a license.", parameters: ["threshold": "700000000"]),
    DetectorCase(kind: .userCap, text: "⟦If the products of Licensee have more than 7 hundred million monthly active users, you must request a license.", parameters: ["threshold": "700000000"]),
    DetectorCase(kind: .userCap, text: "⟦If the products of Licensee have more than seven hundred (700) million monthly active users, you must request a license.", parameters: ["threshold": "700000000"]),
    DetectorCase(kind: .userCap, text: "⟦If the products of Licensee have more than 7 × 10^8 monthly active users, you must request a license.", parameters: ["threshold": "700000000"]),
    DetectorCase(kind: .userCap, text: "⟦If the products of Licensee have more than 70 crore monthly active users, you must request a license.", parameters: ["threshold": "700000000"]),
    DetectorCase(kind: .userCap, text: "⟦You must not exceed 700 million monthly active users.", parameters: ["consequence": "license-required"]),
    DetectorCase(kind: .userCap, text: "⟦This License does not apply to you if your products have 700 million or more monthly active users.", parameters: ["compare": "at-least", "consequence": "license-required"]),
    // Cap conditions: whom the figure counts and when it is measured.
    DetectorCase(kind: .userCap, text: "Aurora 2 Version Release Date: March 3, 2025\n\n⟦If, on the Aurora 2 version release date, the monthly active users of the products of Licensee or its affiliates exceed 5 million, you must request a license.", parameters: ["basis": "organisation", "measured": "2025-03-03"]),
    DetectorCase(kind: .userCap, text: "⟦If your product or service has more than 40 million monthly active users, you shall request a license from us.", parameters: ["basis": "product", "consequence": "license-required"]),
    DetectorCase(kind: .revenueCap, text: "⟦If the monthly revenue of any product or service that uses the Model exceeds US$20,000,000, you must prominently display \"Powered by Aurora\" in that product.", parameters: ["period": "monthly", "basis": "product", "consequence": "obligation"]),
    DetectorCase(kind: .revenueCap, text: "⟦This Agreement preserves free access to the Model for organizations with annual revenue of less than US$2,000,000.", parameters: ["consequence": "license-required", "basis": "organisation"]),
    DetectorCase(kind: .contractScope, text: "Welcome.\n\n⟦Our Business Terms govern use of our APIs and our other services for businesses and developers.", parameters: ["excludes": "[business-use, api-use]"]),
    DetectorCase(kind: .contractScope, text: "⟦These Terms apply to your use of our services for individuals.", parameters: ["covers": "[individuals]"]),
]

/// Near-misses: texts that mention the topic without imposing the clause.
let negativeCases: [DetectorCase] = [
    DetectorCase(kind: .licenseCopyRequired, text: "You are not required to give recipients a copy of this License."),
    DetectorCase(kind: .outputOwnership, text: "The Licensee shall not claim ownership of the Output except as expressly provided in this Agreement."),
    DetectorCase(kind: .policyMayChange, text: "Your use of the Model is subject to this license and may not be changed by you."),
    DetectorCase(kind: .shareAlike, text: "By using the Licensed Rights, You accept and agree to be bound by the terms of this Example Attribution-ShareAlike Public License (the \"Example License\")."),
    DetectorCase(kind: .attribution, text: "By using the Licensed Rights, You accept and agree to be bound by the terms of this Example Attribution-ShareAlike Public License (the \"Example License\")."),
    DetectorCase(kind: .useRestrictionFlowdown, text: "Because derivatives can be misused, the License specifies that the use restrictions in this License must apply to such derivatives."),
    DetectorCase(kind: .nonCommercial, text: "Commercial use requires registration on our website. Without this, you are not allowed to use this model for commercial purposes."),
    DetectorCase(kind: .trademarkRestriction, text: "5.3 No Endorsement: The Licensor does not endorse, approve or certify any results derived from the use of the Model."),
    DetectorCase(kind: .attribution, text: "You acknowledge that the Model may produce inaccurate output."),
    DetectorCase(kind: .hostingRestriction, text: "The use of the Work to provide applications which use the Work in the background shall not be considered Hosting Use."),
    DetectorCase(kind: .revenueCap, text: "\"Threshold\" shall mean annual revenue of 10 million United States dollars.\n\nThe Threshold was set in consultation with users."),
    DetectorCase(kind: .attribution, text: "You may add your own copyright statement to your modifications, provided your use otherwise complies with this Agreement."),
    DetectorCase(kind: .acceptableUse, text: "**Prohibited Uses**"),
    DetectorCase(kind: .researchOnly, text: "\"Non-Commercial\" shall mean any use that is not commercial.\n\nYou may use the Materials for Non-Commercial purposes only."),
    DetectorCase(kind: .nonCommercial, text: "\"Research Purposes\" means research carried out by commercial and non-commercial entities alike.\n\nYou shall only use the Model for Research Purposes."),
    DetectorCase(kind: .competingModelBan, text: "If you do not want us to use your Content to train our models, you can opt out in your settings."),
    DetectorCase(kind: .nonCommercial, text: "There are no commercial use restrictions in this License."),
    DetectorCase(kind: .nonCommercial, text: "You may use the Model for any lawful purpose, including commercial purposes, provided that you comply with this License."),
    DetectorCase(kind: .revenueCap, text: "The Licensor's annual revenue exceeds $1 billion."),
    DetectorCase(kind: .commercialRegistration, text: "You may register an account to receive updates about the Model."),
    DetectorCase(kind: .governingLaw, text: "This Agreement is written in English and the English version will govern this Agreement if translations differ."),
    DetectorCase(kind: .patentRetaliation, text: "We may sue you if you breach this License, and this License terminates on breach."),
    DetectorCase(kind: .shareAlike, text: "You may license your derivatives under any terms you choose."),
    DetectorCase(kind: .redistributionBan, text: "Redistribution of the Model is permitted under this License."),
    DetectorCase(kind: .userCap, text: "We have over 700 million users worldwide who enjoy our products."),
    DetectorCase(kind: .attribution, text: "You must provide a valid credit card before the trial ends."),
    DetectorCase(kind: .redistributionBan, text: "You may distribute the Model and your derivatives of it to any third party."),
    DetectorCase(kind: .acceptableUse, text: "The Licensor shall not be liable for any harassment, malware or other damage caused by the Model."),
    DetectorCase(kind: .acceptableUse, text: "We do not monitor whether the Model is used to create malware or to harass people, and we are not responsible for it."),
    DetectorCase(kind: .attribution, text: "You must include any modifications in a changelog, and the notice may say \"powered by\" where useful."),
    DetectorCase(kind: .outputOwnership, text: "We do not claim that the content you generate is accurate."),
    DetectorCase(kind: .nonCommercial, text: "If your annual revenue exceeds $50 million, you may not use the Model for commercial purposes unless you obtain a commercial license."),
    DetectorCase(kind: .competingModelBan, text: "You may use outputs to improve other models, including competing ones."),
    DetectorCase(kind: .competingModelBan, text: "Nothing in this license prohibits you from using outputs to train other models."),
    DetectorCase(kind: .nonCommercial, text: "You may use the Model for any purpose, including for commercial purposes."),
    DetectorCase(kind: .userCap, text: "\"Monthly Active Users\" means the number of unique users of a service in a month."),
    DetectorCase(kind: .shareAlike, text: "You may distribute derivatives under any license of your choice."),
    DetectorCase(kind: .attribution, text: "You are not required to give attribution or keep notices."),
    DetectorCase(kind: .governingLaw, text: "You must comply with the laws of your own country."),
    DetectorCase(kind: .geographicRestriction, text: "The Materials may be subject to export controls in China, the United States or other countries."),
    DetectorCase(kind: .redistributionBan, text: "You may not redistribute the Model unless you include a copy of this licence."),
    DetectorCase(kind: .policyMayChange, text: "You may modify the Model and distribute your modifications."),
    DetectorCase(kind: .trademarkRestriction, text: "You must retain all copyright, patent, trademark and attribution notices."),
    DetectorCase(kind: .researchOnly, text: "This licence allows research, non-commercial and commercial uses of the Model."),
    DetectorCase(kind: .hostingRestriction, text: "All distributions (other than through a hosted service) must include a notice file."),
    DetectorCase(kind: .contractScope, text: "You may not use the Model to build services for individuals under the age of 13."),
    DetectorCase(kind: .contractScope, text: "This License governs use of the Model by businesses and individuals alike."),
]

@Suite struct DetectorTests {
    @Test(arguments: positiveCases)
    func detects(_ c: DetectorCase) {
        let (text, line) = marked(c.text)
        check(c, text: text, line: line, shape: "as written")
        for shape in hostileShapes(text) {
            let expected = shape.lineShift < 0 ? nil : line + shape.lineShift
            check(c, text: shape.text, line: expected, shape: shape.name)
        }
    }

    func check(_ c: DetectorCase, text: String, line: Int?, shape: String) {
        let found = clauses(text).filter { $0.kind == c.kind }
        #expect(!found.isEmpty, "\(c.kind.rawValue) not found (\(shape))")
        guard let first = found.first else { return }
        for (name, want) in c.parameters {
            #expect(found.contains { $0[name]?.description == want }, "\(c.kind.rawValue).\(name): got \(first[name]?.description ?? "nil"), want \(want) (\(shape))")
        }
        if let line { #expect(found.contains { $0.evidence.line <= line && line <= $0.evidence.endLine }, "evidence line \(first.evidence.line), want \(line) (\(shape))") }
    }

    @Test(arguments: negativeCases)
    func doesNotFire(_ c: DetectorCase) {
        #expect(!kinds(c.text).contains(c.kind), "\(c.kind.rawValue) fired on a near-miss")
    }

    /// A list whose first item is the incorporated policy, followed by a section heading at the lead-in's
    /// indentation: the policy is incorporated; the list is not an inline list of uses, and the heading
    /// is not one of its items.
    @Test func aListThatNamesAPolicyIsNotAnInlineUseList() {
        let text = "You will not use the Model:\n\n\t1. for any restricted use set forth in the Acceptable Use Policy, which is hereby incorporated by reference into this Agreement; or\n\n\t2. in violation of applicable laws and regulations.\n\nSection 3: Additional Commercial Terms"
        let found = clauses(text).filter { $0.kind == .acceptableUse }
        #expect(found.map { $0["policy"]?.description } == ["incorporated"])
    }

    /// Detectors write only the parameters their kind declares, with values from its vocabulary: the table
    /// the catalogue loader checks entries against holds for the parser too.
    @Test func detectorsWriteOnlyDeclaredParameters() throws {
        var texts = positiveCases.map { marked($0.text).0 }
        let fm = FileManager.default
        let root = fixture("Fixtures/models")
        for sub in (fm.subpaths(atPath: root) ?? []).sorted() where !sub.hasSuffix(".gguf") && !sub.hasSuffix(".safetensors") {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root + "/" + sub, isDirectory: &isDir), !isDir.boolValue,
                  let d = fm.contents(atPath: root + "/" + sub) else { continue }
            texts.append(String(decoding: d, as: UTF8.self))
        }
        var checked = 0
        for text in texts {
            for c in clauses(text) {
                let spec = c.kind.parameterSpec
                for (name, value) in c.parameters {
                    checked += 1
                    let shape = Param(rawValue: name).flatMap { spec[$0] }
                    #expect(shape != nil, "\(c.kind.rawValue) wrote undeclared parameter '\(name)'")
                    if let shape { #expect(shape.problem(with: value) == nil, "\(c.kind.rawValue).\(name) = \(value): \(shape.problem(with: value) ?? "")") }
                }
            }
        }
        #expect(checked > 50)
    }

    /// Phrases match whole words: a word inside another word is not that word.
    @Test func wordsInsideOtherWordsAreNotThoseWords() {
        // "house" contains "use": nothing here limits a use to evaluation.
        #expect(!kinds("Our house Model is available solely for evaluation.").contains(.researchOnly))
        // "exception" contains "except": "with no exception" does not lift the ban.
        #expect(kinds("You shall not distribute the Model, with no exception.").contains(.redistributionBan))
        #expect(!kinds("You shall not distribute the Model, except to your affiliates.").contains(.redistributionBan))
        // "copyright" contains "right", "entitled" contains "title": no claim about rights in outputs.
        #expect(!kinds("The Licensor claims nothing about the accuracy of any output, which is copyrighted by nobody and entitled to nothing.").contains(.outputOwnership))
        #expect(kinds("The Licensor claims no rights in the outputs you generate.").contains(.outputOwnership))
        // After a registration step, "without it" makes the step a condition, as "without this" does.
        let afterRegistration = "To use the Model for commercial purposes, you must first register at the Licensor's website.\n\nWithout it, you are not permitted to use the Model for commercial purposes."
        #expect(!kinds(afterRegistration).contains(.nonCommercial))
        #expect(kinds(afterRegistration).contains(.commercialRegistration))
    }

    /// Detectors hold no phrases of their own: every word they reason with is in a named lexicon group, matched
    /// on word boundaries in the one pass over the text, and every parameter name and value is typed.
    @Test func detectorsContainNoStringLiterals() throws {
        let dir = packageRoot + "/Sources/LicenseLint/Clauses"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/Detectors").map { dir + "/Detectors/" + $0 }
            + [dir + "/DutyConditions.swift", dir + "/CapConditions.swift"]
        #expect(files.count >= 26)
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // The code before any comment.
                let code = line.range(of: "//").map { line[..<$0.lowerBound] } ?? line[...]
                if code.contains("\"") { offenders.append("\((file as NSString).lastPathComponent):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))") }
            }
        }
        #expect(offenders.isEmpty, "string literals in detectors (move the words to a Lexicon group): \(offenders.joined(separator: "\n"))")
    }

    /// A sentence's groups are a 256-bit set: a group past the last bit would share a bit with another.
    @Test func everyLexiconGroupHasABitOfItsOwn() {
        #expect(G.allCases.count <= 256, "\(G.allCases.count) groups; widen GroupSet")
        #expect(G.allCases.map(\.rawValue) == Array(0..<G.allCases.count))
        var all = GroupSet()
        for g in G.allCases {
            #expect(!all.contains(g), "\(g) shares a bit")
            all.insert(g)
        }
    }

    @Test func everyKindHasAPositiveCase() {
        #expect(Set(positiveCases.map(\.kind)) == Set(ClauseKind.allCases))
        #expect(ClauseKind.allCases.count == 24)
    }

    @Test func parsingIsDeterministic() {
        let text = positiveCases.map(\.text).joined(separator: "\n\n").replacingOccurrences(of: "⟦", with: "")
        #expect(clauses(text) == clauses(text))
    }
}
