<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Text</name>
    <message>
        <source>No OS keychain is available: the entry &quot;%1&quot; could not be read back as written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp</name>
    <message>
        <source>assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessment need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case note has no family. Choose the family it belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the case note is missing. Enter the date of the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the case note, %1, is in the future. Enter today&apos;s date or an earlier one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The author of the case note is missing. Enter who wrote it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The type of the case note is missing. Choose a type, such as home visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case note is empty. Enter what happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data category number %1 of the case note is unknown. Choose personal, special category or criminal offence data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent names nobody it is for. Choose the person it covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent names nobody who gave it. Choose the person who consented.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A competent young person consents only for themselves, but the consent was given by %1 for %2. Choose a person with parental responsibility, or record the young person as giving it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent has no purpose. Enter what the information may be shared for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent has no recipient. Choose the organisations or kinds of organisation it may be shared with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient of the consent is blank. Choose an organisation or a kind of organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent covers no data category. Choose the kinds of data it covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date the consent was given is missing. Enter that date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date the consent was given, %1, is in the future. Enter today&apos;s date or an earlier one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review date of the consent, %1, is not after the date it was given, %2. Enter a later review date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent is withdrawn on %1, before it was given on %2. Enter %2 or a later date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date the consent was withdrawn, %1, is in the future. Enter today&apos;s date or an earlier one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who withdrew the consent is missing. Enter their name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sharing decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing decision names no family or person. Choose whose information is shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lawful basis for sharing is missing. Enter the UK GDPR Article 6 basis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The justification for sharing without consent is missing. Enter why sharing is necessary and proportionate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who decided to share is missing. Enter their name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the sharing decision is missing. Enter the date it was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the sharing decision, %1, is in the future. Enter today&apos;s date or an earlier one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The heading number %1 is unknown. Choose one of the Supporting Families headings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 with id %2 is in this store. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan has no family. Choose the family it is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start date of the plan is missing. Enter the date the plan starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end date of the plan, %1, is before its start date, %2. Enter %2 or a later date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end date of the closed plan is missing. Enter the date it closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goal&apos;s description is missing. Enter what the goal should achieve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action&apos;s description is missing. Enter what is to be done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the meeting is missing. Enter the date it was held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the review is missing. Enter the date it was held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No meeting with id %1 is in this store. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review date, %1, is before the date of its meeting, %2. Enter %2 or a later date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next review date, %1, is not after the review on %2. Enter a later date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same UPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name and date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name and postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment of %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan started on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal under %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action due %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAF meeting on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan review on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent for %1 given on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing without consent on %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing without consent about %1 on %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note of %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of %1, %2, is in the future. Enter the date it was held, today or earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of %1, %2, is before the plan started on %3. Enter %3 or a later date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end date of the plan, %1, is in the future. Enter the date it closed, today or earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The linked assessment records no need under &quot;%1&quot;, or was deleted. Choose a heading that the assessment covers, or link no assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review records progress for a goal that is not a goal of this plan, or was deleted. Clear that goal&apos;s progress, or restore the goal from Case › Deleted Items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing decision names no recipient. Choose the kind of organisation it allows sharing with, one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient &quot;%1&quot; of the sharing decision is not a party type of the agreement. Choose one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing decision names no purpose. Choose what the information is shared for, one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purpose &quot;%1&quot; of the sharing decision is not a purpose of the agreement. Choose one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::AssessmentRepository</name>
    <message>
        <source>The assessment has no family. Choose the family it assesses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessor is missing. Enter who carried out the assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the assessment is missing. Enter the date it was carried out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the assessment, %1, is in the future. Enter today&apos;s date or an earlier one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessment names an unknown heading (number %1). Choose one of the Supporting Families headings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score %1 for &quot;%2&quot; is out of range. Enter a score from 1 (no concern) to 5 (greatest need).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The heading &quot;%1&quot; appears more than once. Record each heading once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::CaseDirectory</name>
    <message>
        <source>Reading the case store failed: %1. Close and reopen the store; if this happens again, run &quot;earlyhelp-cli verify&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No family with id %1 is in this store. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store has no organisation of its own yet. Run the set-up again or &quot;earlyhelp-cli init&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation&apos;s name is missing. Enter the school&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DfE URN &quot;%1&quot; is not valid: a URN has six digits, e.g. 103456.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local authority number &quot;%1&quot; is not valid: it has three digits, e.g. 330 for Birmingham.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The establishment number &quot;%1&quot; is not valid: it has four digits, e.g. 2987.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the school&apos;s DfE URN, or its local authority and establishment numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store already has its own organisation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::CaseStore</name>
    <message>
        <source>Choose where the case store is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case store already exists at %1. Open it, or choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 could not be created. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The store %1 has %n users; name the one whose passphrase this is.</source>
        <translation>
            <numerusform>The store %1 has %n user; name the one whose passphrase this is.</numerusform>
            <numerusform>The store %1 has %n users; name the one whose passphrase this is.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>earlyhelp::Casework</name>
    <message>
        <source>status change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No family with id %1 is in this store. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family %1 has the unknown status &quot;%2&quot;. Run &quot;earlyhelp-cli verify&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting a good education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good early years development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improved mental and physical health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoting recovery and reducing harm from substance use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improved family relationships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children safe from abuse and exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crime prevention and tackling crime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe from domestic abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial stability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 with id %2 is in this store. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store has no organisation of its own yet. Run the set-up again or &quot;earlyhelp-cli init&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 is not deleted, so there is nothing to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 was deleted on %3, more than %4 days ago, and can no longer be restored. Enter it again if it is still needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::Chronology</name>
    <message>
        <source>Early help assessment by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given by %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn by %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Around the Family plan started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Around the Family plan closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAF meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAF meeting with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan review; next review due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case status changed from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case status changed from %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared without consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision by %1 to share without consent (%2), covering no recipient or purpose until it is edited: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision by %1 to share without consent with %2 for %3 (%4): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Shared without consent: %n field(s) sent to %1 for %2</source>
        <translation>
            <numerusform>Shared without consent: %n field sent to %1 for %2</numerusform>
            <numerusform>Shared without consent: %n fields sent to %1 for %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, relying on a decision to share without consent that is no longer in this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, relying on the decision by %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision to share without consent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ConsentRepository</name>
    <message>
        <source>The date the consent was withdrawn is missing. Enter that date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This consent was already withdrawn on %1, so there is nothing to withdraw. Close the form to see the consent as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::CtfImport</name>
    <message>
        <source>%1 family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 to the case store failed, so nothing was imported. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pupil %1 (no UPN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pupil %1 (UPN %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3 %4 is not a date in the form YYYY-MM-DD, so it was left empty. Correct it in the school&apos;s MIS if it matters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3 is not in BS7666 form, so it was not imported. Enter it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3: Responsibility %4 is not true or false, so parental responsibility is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: InCare %3 is not true or false, so whether the pupil is looked after was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, was not imported: UPN missing. Enter the pupil&apos;s UPN in the school&apos;s MIS and export the CTF again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, was not imported: Surname missing. Enter the pupil&apos;s surname in the school&apos;s MIS and export the CTF again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, was not imported: DOB (date of birth) missing. Enter the pupil&apos;s date of birth in the school&apos;s MIS and export the CTF again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, was not imported: DOB %3 is not a valid date in the form YYYY-MM-DD. Correct the pupil&apos;s date of birth in the school&apos;s MIS and export the CTF again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, was not imported: DOB %3 is in the future. Correct the pupil&apos;s date of birth in the school&apos;s MIS and export the CTF again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pupil&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, was not imported: pupil %3 in this file has the same UPN. Correct the UPN in the school&apos;s MIS and export the CTF again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not well-formed XML at line %2, column %3 (%4). The file may be cut short or damaged. Nothing was imported. Export the CTF again from the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has elements nested more than %2 levels deep at line %3, which no CTF has. Nothing was imported. Choose the CTF exported from the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains a document type declaration (DOCTYPE) at line %2, which a CTF never has. Nothing was imported. Choose the CTF exported from the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the root element is %2, expected CTfile, so this is not a Common Transfer File. Nothing was imported. Choose the CTF exported from the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no Header element, so it is not a complete CTF. Nothing was imported. Export the CTF again from the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty. Nothing was imported. Choose the CTF exported from the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2. Check that the file exists and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2. Check that the file exists and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not imported: the case store has no local organisation to own the records. Finish setting up the app with your school&apos;s details, then import the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not imported: the case store has %2 local organisations, so the owner of the records is unclear. Report this to whoever supports the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of %1 was cancelled, so nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 declares the encoding %2, but the bytes at line %3, column %4 (%5) are not valid %2. Nothing was imported. Export the CTF again from the school&apos;s MIS, saved as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starts as %2 text, but the bytes at line %3, column %4 (%5) are not valid %2. Nothing was imported. Export the CTF again from the school&apos;s MIS, saved as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no encoding declaration, so it must be UTF-8, but the bytes at line %2, column %3 (%4) are not valid UTF-8. Nothing was imported. Export the CTF again from the school&apos;s MIS, saved as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 declares the encoding %2, which this app cannot read. Nothing was imported. Export the CTF again from the school&apos;s MIS, saved as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 declares the encoding %2, but its first bytes are not UTF-16 text. Nothing was imported. Export the CTF again from the school&apos;s MIS, saved as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 declares the encoding %2, but its first bytes show %3 text. Nothing was imported. Export the CTF again from the school&apos;s MIS, saved as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains the replacement character U+FFFD at line %2, column %3, so its text was damaged by an earlier conversion between encodings. Nothing was imported. Export the CTF again from the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, pupil %2, was not imported: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::DeletedItems</name>
    <message>
        <source>Family %1 cannot be restored from the deleted items. Only the records of a family&apos;s case work can.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::FieldCatalogue</name>
    <message>
        <source>Legal forename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred forename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Former surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex or gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Religion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of entry to school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looked after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free school meals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEN provision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTF record as received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEND notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flat or unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House number or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrative area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephone type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looked-after child&apos;s family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role in the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship to the children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significant event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::Keys</name>
    <message>
        <source>The key file %1 is being changed by another copy of Early Help Case Manager. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 could not be locked for changing because the lock file %2 could not be created. Check that your account may write to that folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name is empty. Enter the name the user signs in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role of %1 is empty. Choose a role, for example &quot;lead&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Argon2 cost for new passphrases (%1 passes over %2 bytes) is outside the accepted range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist, so the key file cannot be created there. Choose an existing folder for the case store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 already exists, so a new store cannot be set up there. Choose another file name for the case store, or open the existing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passphrase is set up for %1 in the key file %2. Check the user name, or ask your Early Help lead to add you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase for %1 is not correct. Check that Caps Lock is off and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After several wrong passphrases, each new attempt waits longer, up to 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 has no OS keychain slot. Use the passphrase to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain has no entry &quot;%1&quot; for this store, or the keychain is locked. The entry may have been removed, or the keychain slot set up on another computer. Use the passphrase to unlock, then set up the keychain again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain entry &quot;%1&quot; does not open the keychain slot in %2. The slot was set up again on another computer, or the entry was changed. Use the passphrase to unlock, then set up the keychain again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a passphrase in the key file %2. To change it, remove that passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no passphrase in the key file %2, so there is nothing to remove. Check the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase of %1 is the only one for this store and cannot be removed. Add another user&apos;s passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keychain is available (the entry &quot;%1&quot; could not be read back as written). Use the passphrase to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 has no OS keychain slot, so there is nothing to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain slot was removed from %1, but its keychain entry could not be deleted (%2). Delete the entry &quot;%3&quot; of &quot;%4&quot; in your keychain manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key given is not the key of the store %1, so its key slots cannot be changed. Unlock the store again and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 was replaced by the key file of another store while it was open. Close the store, check which key file belongs to it, and open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain slot in the key file %1 is damaged, was changed, or was copied from another key file. Use the passphrase to unlock, then set up the keychain again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot of %1 in the key file %2 is damaged, was changed, or was copied from another key file. Unlock with another user&apos;s passphrase, or restore the key file from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key slot in the key file %1 opened, but the key in it does not belong to this store: the key file was changed. Restore the key file from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 is damaged (%2). Restore it from a backup, or ask your Early Help lead to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing or not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slot %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the slot id %1 appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are two OS keychain slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user %1 has two passphrase slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not valid JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;format&quot; is not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;version&quot; is not a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 was written by a newer version of Early Help Case Manager (key file format %2; this version reads format %3). Install the newer version to unlock this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;storeId&quot; is not a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;keyCheck&quot; is missing or has the wrong length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 was not found. It must be in the same folder as the case store; copy it there from where the store was set up or from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 could not be read (%2). Check that your account may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is %1 bytes long, more than a key file can be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 could not be read (%2). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 could not be written (%2). Check that the folder %3 exists and that your account may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 could not be written (%2); the previous version is unchanged. Free some disk space or check the folder %3, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing or not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is not valid Base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; has the wrong length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing or not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key derivation &quot;%1&quot; is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Argon2 cost (%1 passes over %2 bytes) is outside the accepted range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cipher &quot;%1&quot; is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is not a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the slot type &quot;%1&quot; is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keychain is available (%1). Use the passphrase to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain can only be used from the application&apos;s main thread. Use the passphrase to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not respond in time, %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain is locked or access was denied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain reported an error (%1). Use the passphrase to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain has no entry &quot;%1&quot; for the service &quot;%2&quot;. Use the passphrase to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase for %1 has %2 characters, but at least %3 are needed. Choose a longer passphrase, for example three or four unrelated words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encryption library libsodium could not start, so the passphrase cannot be checked. Restart the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot has an invalid salt or Argon2 cost, so the passphrase cannot be checked. Restore the key file from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the passphrase needs %1 MiB of memory, which is not available. Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no passphrase in the key file %2, so the OS keychain cannot be set up to unlock as them. Check the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 gives %2 the role &quot;%3&quot;, not &quot;%4&quot;, so the OS keychain was not set up. Lock the store, unlock it with your passphrase and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain slot in %1 was set up by an older version of Early Help Case Manager and does not record who unlocks with it. Unlock with your passphrase, then set up the keychain again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain slot in %1 unlocks as %2, whose account has been removed or given another role since. Unlock with your passphrase, then set up the keychain again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failed-unlock journal %1 could not be written (%2). Check that your account may write to the folder %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failed-unlock journal %1 could not be read (%2). Check that your account may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failed-unlock journal %1 is %2 bytes long, more than %3. Move it out of the folder, keep it for investigation, and report it to your data protection officer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failed-unlock journal %1 could not be read (%2). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key file is locked by another process; try again in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was replaced while its records were being read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::PersonRepository</name>
    <message>
        <source>No person with id %1 is in this store. They may have been merged into another person or deleted; search for them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No family with id %1 is in this store. It may have been deleted; choose another family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family role &quot;%1&quot; is not known. Choose child or adult.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is already a member of %1. Choose another family, or close the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store has no organisation of its own. Set the store up again with the setup wizard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sex code &quot;%1&quot; is not known. Choose female or male, or leave it blank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The UPN %1 belongs to %2 already. Check the UPN, or link %2 to the family instead of adding a new person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person cannot be merged with themself. Choose two different people.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::SharingTerms</name>
    <message>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children&apos;s trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voluntary sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social care</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::SqlCipherDriver</name>
    <message>
        <source>Could not open the case store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key was given for the case store. Call setKey() before open().</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not commit the transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not roll back the transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run the script</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::SqlCipherResult</name>
    <message>
        <source>Could not prepare the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A query may hold only one statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query contains no statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not bind the values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement has %1 parameters, but %2 values were bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter %1 has the type %2, which has no SQL form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter %1 is larger than a 64-bit signed integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No statement was prepared.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::Store</name>
    <message>
        <source>Schema migration %1 of this build is invalid. Report this to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store %1 could not be upgraded to schema version %2 (%3). The store is unchanged. Report this to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case store was written by a newer version of Early Help Case Manager (schema %1; this version reads up to %2). Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store %1 is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search limit must be at least 1, but %1 was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key does not unlock %1. Check that this is the case store you meant to open and that you chose its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case store was found at %1. Check the location, or create a new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store key must be %1 bytes long, but %2 bytes were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not an Early Help case store. Choose the case store file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission to read %1. Ask your IT support to give your account access to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read (%2). Check that the disk that holds it is available, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an empty file, not an Early Help case store. Choose the case store file, or restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an unencrypted SQLite database, not an Early Help case store. Choose the case store file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Early Help case store, because its size does not fit the store format. Choose the case store file, or restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission to change the case store %1. Ask your IT support to give your account write access to it and its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store %1 is on a drive that cannot hold it safely. Move it to a local disk, then open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file already exists at %1. Choose another name for the new case store, or open the existing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is left over from an earlier case store of the same name. Move it away, or choose another name for the new case store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Choose an existing folder for the new case store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission to create files in %1. Choose another folder for the new case store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store %1 could not be created (%2). Check that the disk is available and has free space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk that holds the case store %1 is full, so the change was not saved. Free some space on that disk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store %1 is damaged and cannot be read. Restore it from a backup, or ask your IT support for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store %1 could not be read or written. Check that the disk or network drive that holds it is available, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store %1 is in use by another program. Close Early Help Case Manager there and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation on the case store %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store %1 could not complete the operation. Try again; if this keeps happening, report it to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store %1 could not complete the operation (%2). Try again; if this keeps happening, report it to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store table or column name &quot;%1&quot; cannot be audited because it is not a plain SQL identifier. Report this to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::StoreVerify</name>
    <message>
        <source>The check &quot;%1&quot; could not run: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search index out of date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search index row without a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed verification: %2. Restore the store from a backup, or ask your IT support to examine it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 verified: encryption, structure, foreign keys and search index are sound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problems or more, the first &quot;%2&quot;</source>
        <translation>
            <numerusform>%1: %n problem or more, the first &quot;%2&quot;</numerusform>
            <numerusform>%1: %n problems or more, the first &quot;%2&quot;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problems, the first &quot;%2&quot;</source>
        <translation>
            <numerusform>%1: %n problem, the first &quot;%2&quot;</numerusform>
            <numerusform>%1: %n problems, the first &quot;%2&quot;</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the check stopped at a damaged page (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::Upn</name>
    <message>
        <source>UPN %1: the last character, %2, must be a digit, or in a temporary UPN a letter other than I, O and S. Check the UPN in the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN %1: character %2 is %3, but characters 2 to 12 must be digits. Check the UPN in the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The UPN is missing. Enter the pupil&apos;s UPN in the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN %1: a UPN has 13 characters, but this one has %2. Check the UPN in the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN %1: the check letter should be %2, not %3. Check the UPN in the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN %1: this is the code for a UPN that is not known, not a UPN. Enter the pupil&apos;s UPN in the school&apos;s MIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN %1: the codes for a UPN that is not known are UN1 to UN5. Enter the 13-character UPN, or one of those codes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::Validation</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepped up to social care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepped down from social care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family&apos;s status is already %1. Choose a different status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A family&apos;s status cannot change from %1 to %2. Choose a status that can follow %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the change to %1 is missing. Enter the date the status changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the change to %1, %2, is in the future. Enter today&apos;s date or an earlier one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the change to %1, %2, is before the previous status change on %3. Enter %3 or a later date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason for closing the case is missing. Enter why the case is closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason for reopening the case as %1 is missing. Enter why the case is reopening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason for the change from %1 to %2 is missing. Enter why the status is changing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The NHS number is missing. Enter the 10-digit NHS number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number %1: %2 is not a digit. Enter the 10 digits of the NHS number only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number %1 has %2 digits, but an NHS number has 10. Check the number and enter all 10 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number %1: write the 10 digits together, or as 3, 3 and 4 digits with a space or hyphen between the groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number %1 is not valid: its first nine digits give a check value of 10, which no NHS number has. Check the number for a mistyped digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number %1 failed the check digit test, so a digit is mistyped or two digits are swapped. Check the number and enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth is missing. Enter it as dd/mm/yyyy, such as 01/02/2015.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth %1 has a two-digit year. Enter the year in four digits, such as 01/02/2015.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth %1 is not in a form this app reads. Enter it as dd/mm/yyyy, such as 01/02/2015.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth %1 does not exist. Check the day and the month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth %1 is in the future. Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth %1 is before %2. Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postcode is missing. Enter the postcode of the address, such as B11 4QT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode %1 is not a valid UK postcode. Check it against the address. A postcode looks like B11 4QT or EC1A 1BB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing. Enter the name as the person writes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains a damaged character (%2, half of a UTF-16 surrogate pair) at position %3. Retype the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains a control character (%2) at position %3. Retype the name without it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::access::IdleLock</name>
    <message>
        <source>The idle time of %1 minutes is outside the allowed range. Choose from %2 to %3 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::access::Role</name>
    <message>
        <source>Designated safeguarding lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deputy designated safeguarding lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::audit::AuditLog</name>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::cli</name>
    <message>
        <source>Run &quot;earlyhelp-cli --help&quot; for the commands and options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no passphrase given: standard input is not a terminal, so pass --passphrase-stdin and write the passphrase to standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the passphrase is longer than 1024 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the passphrase is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no case store at %1: create one with &quot;earlyhelp-cli init&quot; or name it with --store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init needs --school NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init needs --user NAME, the name of the designated safeguarding lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two passphrases differ; nothing was created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the case store %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import needs at least one Common Transfer File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1: %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list takes &quot;people&quot; or &quot;families&quot;, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, looked after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store file (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the passphrase from the first line of standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write diagnostic messages (opening, unlocking, import counts) to standard error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init: the school&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init: the school&apos;s six-digit DfE URN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>urn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init: the three-digit local authority number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init: the four-digit establishment number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user whose passphrase unlocks the store (needed when it has several); for init, the first user, the designated safeguarding lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init: also keep the key in the OS keychain, so that no passphrase is needed on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init takes no arguments, only options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list takes &quot;people&quot; or &quot;families&quot; and an optional search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pupils added %2, updated %3, unchanged %4, skipped %5; families added %6, updated %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family	Children	Adults	Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no case store at %1: name it with --store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain needs --user NAME, the user the keychain will unlock as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain on this computer now unlocks %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain takes no arguments, only options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1: %2. Choose a file that does not exist yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this build has no valid Trust public key; pass --public-key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement keygen takes the public key file and the secret key file to create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the public key %1 and the secret key %2. Keep the secret key offline; anyone who has it can sign agreements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement sign takes one agreement file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement sign needs --secret-key naming the Trust&apos;s secret key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid agreement, so it was not signed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed %1; the signature is in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement verify takes one agreement file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: signature verified; agreement version %2, number of rules: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement show takes one agreement file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1, signature verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement sign: the secret key file made by agreement keygen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retention: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>becomes shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stops being shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terms changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement diff takes the older and the newer agreement file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No field changes between agreement version %1 and version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3 (%4) %5; before: %6; after: %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no case store was given to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement install takes one agreement file, with its signature beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement version %1 is already installed with the same content; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed agreement version %1 from %2. It applies once the designated safeguarding lead accepts it with &quot;earlyhelp-cli agreement accept --version %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement status takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force: agreement version %1, signed by %2 (%3) on %4, recorded by %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force: none. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: agreement version %1 is installed and not yet accepted. Review it with &quot;earlyhelp-cli agreement diff&quot; and accept it with &quot;earlyhelp-cli agreement accept --version %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement accept takes no arguments, only --version, --name, --role and --date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement accept needs --version, --name and --role: the agreement version, and the name and role of the person who signed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agreement version &quot;%1&quot; is not a whole number above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date &quot;%1&quot; is not a valid date in the form YYYY-MM-DD, such as 2026-11-30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted agreement version %1, signed by %2 (%3) on %4. It is now the agreement in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement takes keygen, sign, verify, show, diff, install, status or accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown agreement command &quot;%1&quot;; use keygen, sign, verify, show, diff, install, status or accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement accept: the agreement version to accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement verify, show, diff, install, status and accept: the Trust public key file (default: the key built into the app).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement accept: the name of the person who signed the agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement accept: that person&apos;s role, such as Headteacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement accept: the date the agreement was signed, YYYY-MM-DD (default: today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrol: the name the server lists this device under (default: this computer&apos;s host name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early Help device</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>this computer&apos;s clock is %n minute(s) ahead of the sync server&apos;s. Correct the clock or its time zone setting.</source>
        <translation>
            <numerusform>this computer&apos;s clock is %n minute ahead of the sync server&apos;s. Correct the clock or its time zone setting.</numerusform>
            <numerusform>this computer&apos;s clock is %n minutes ahead of the sync server&apos;s. Correct the clock or its time zone setting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>this computer&apos;s clock is %n minute(s) behind the sync server&apos;s. Correct the clock or its time zone setting.</source>
        <translation>
            <numerusform>this computer&apos;s clock is %n minute behind the sync server&apos;s. Correct the clock or its time zone setting.</numerusform>
            <numerusform>this computer&apos;s clock is %n minutes behind the sync server&apos;s. Correct the clock or its time zone setting.</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrol takes the server address and the enrolment code, such as &quot;earlyhelp-cli enrol https://sync.example.org K7MPQ-3RTXW-9HJNA-4CEFB&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled %1 with %2 as device %3 (&quot;%4&quot;) of %5. The device credential is in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync-status takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not enrolled with a sync server: run &quot;earlyhelp-cli enrol URL CODE&quot; with the address and code your administrator gave you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1 (&quot;%2&quot;), enrolled %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation: %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server status: available, API version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server knows this device as %1, not %2 as the store records. Enrol again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflicts resolve: &quot;server&quot; keeps the value the server kept, &quot;other&quot; the value it did not take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict %1: %2 (%3 %4), field %5 (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  server keeps:     %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  other value:      %1 (from %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  this store holds: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  raised:           %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts waiting for a person: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync stopped: %1 What was exchanged before the failure is kept, and the next sync continues from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server rejected the change to %1 %2 (change %3, %4): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the sync server rejected %n change(s); they stay in the outbox. Check the server&apos;s messages above and correct the records.</source>
        <translation>
            <numerusform>the sync server rejected %n change; they stay in the outbox. Check the server&apos;s messages above and correct the records.</numerusform>
            <numerusform>the sync server rejected %n changes; they stay in the outbox. Check the server&apos;s messages above and correct the records.</numerusform>
        </translation>
    </message>
    <message>
        <source>changes are still waiting to be sent: run &quot;earlyhelp-cli sync&quot; again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflicts takes no arguments, or &quot;resolve ID --keep server|other&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflicts resolve takes one conflict id, such as &quot;earlyhelp-cli conflicts resolve 8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f --keep server&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflicts resolve needs --keep server (the value the server kept) or --keep other (the value the server did not take), not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--keep goes with &quot;conflicts resolve ID&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts are waiting for a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle each with &quot;earlyhelp-cli conflicts resolve ID --keep server|other&quot;, then run &quot;earlyhelp-cli sync&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no conflict %1 in %2: run &quot;earlyhelp-cli conflicts&quot; for the open ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved conflict %1: %2 keeps %3. Run &quot;earlyhelp-cli sync&quot; to send the choice to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the unlock was not recorded in the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail: %1. Keep this copy of the store for investigation, report it to your data protection officer, and restore the store from a backup made before the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail: %1 events verified. The details of %2 of them were erased with a person&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail: %1 events verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, agreement diff, agreement status, conflicts and transfer list: write JSON instead of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject-access: write the JSON export to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject-access: write the PDF export to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject-access: withhold an item from the export, with the reason; repeat for each item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item=reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer export: the receiving school&apos;s six-digit DfE URN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer export: the package file to write; transfer receipt: the receipt file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer import: the one-time code the sending school gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer import: the receipt file to write for the sending school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init, import, list, keychain, verify, agreement, enrol, sync-status, sync, conflicts, transfer or subject-access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--withhold %1 is not ITEM_ID=REASON; write it as, for example, case_note/ID=third-party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--withhold %1 names the reason &quot;%2&quot;, which is not one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items about %2. Third-party suggestions are marked with *.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 (audit event %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject-access takes one person id, as &quot;list people --json&quot; shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--withhold needs --json-file or --pdf, the export to withhold the items from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt written to %1. Send it back to the sending school, which records it with &quot;earlyhelp-cli transfer confirm&quot; or Confirm Receipt….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer export takes one person id and --to-urn URN --out FILE, such as &quot;earlyhelp-cli transfer export 8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f --to-urn 104789 --out child.ehsg&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding file written to %1 for the school with URN %2: package %3, %4 records (%5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is shown only this once. Give it to the receiving school by a different route than the file, for example by telephone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer import takes one package file and --code CODE, such as &quot;earlyhelp-cli transfer import child.ehsg --code 7KQ2-MX9D-4TPV-0H3C-W8RB --receipt receipt.json&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the safeguarding file of %1 from %2 (URN %3), packed on %4: %5 records (%6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store already had a pupil with the child&apos;s UPN, so the records were added to that pupil (id %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child&apos;s id in this store is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the receipt for the sending school with &quot;earlyhelp-cli transfer receipt %1 --out FILE&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer receipt takes one package id and --out FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer confirm takes one receipt file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2. Check the file&apos;s name and folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt recorded: %1 (URN %2) imported package %3 on %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer list takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No safeguarding files have been sent or received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (URN %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received %1, receipt recorded %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no receipt yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent      %1  %2 to %3, %4; %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received  %1  %2 from %3, packed %4, imported %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer takes export, import, receipt, confirm or list, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early Help Case Manager on the command line, for school IT and scripts.

Commands:
  init --school NAME (--urn URN | --la NNN --estab NNNN) --user NAME [--keychain]
                     create an encrypted case store and its first user
  import FILE…       import pupils, contacts and families from Common Transfer Files
  list people|families [SEARCH] [--json]
                     list people or families, optionally those matching SEARCH
  keychain --user NAME
                     keep the key in the OS keychain, unlocking as NAME on this computer
  verify [--ca-cert FILE]
                     check the store&apos;s encryption, structure, search index and audit trail, and
                     an enrolled store&apos;s audit trail against the sync server&apos;s anchors
  agreement keygen PUBLIC SECRET
                     create an Ed25519 key pair for signing data sharing agreements
  agreement sign FILE --secret-key SECRET
                     sign an agreement; the signature goes to FILE.sig
  agreement verify|show FILE [--public-key PUBLIC]
                     check FILE against FILE.sig (default key: the one built in); show lists its rules
  agreement diff OLD NEW [--json] [--public-key PUBLIC]
                     list the fields whose sharing changes from agreement OLD to NEW, both verified
  agreement install FILE [--public-key PUBLIC]
                     verify FILE against FILE.sig and store it; it applies once accepted
  agreement status [--json]
                     show the agreement in force, who signed it, and any version waiting for acceptance
  agreement accept --version N --name NAME --role ROLE [--date YYYY-MM-DD]
                     record that your organisation signed version N (designated safeguarding lead only;
                     the date signed defaults to today)
  enrol URL CODE [--device-name NAME] [--ca-cert FILE]
                     enrol the store with the sync server at URL (https only) using a one-time code;
                     the device credential is kept in the OS keychain
  sync-status [--ca-cert FILE]
                     show the sync server, device and organisation, and check the server and its clock
  sync [--ca-cert FILE]
                     send this store&apos;s changes to the sync server and apply what it sends back;
                     exit status 0 only when everything was exchanged
  conflicts [--json]
                     list the fields changed here and at another organisation that wait for a person
  conflicts resolve ID --keep server|other
                     settle a conflict with the value the server kept or the other one; sync sends it
  subject-access PERSON_ID [--json-file FILE] [--pdf FILE] [--withhold ITEM_ID=REASON …]
                     answer a subject access request (designated safeguarding lead only): without a
                     file, list the items held about the person with their ids; with one, export them
                     less the withheld items. REASON is third-party, serious-harm, crime-and-taxation,
                     legal-professional-privilege or other:EXPLANATION. Each export is audited.
  transfer export PERSON_ID --to-urn URN --out FILE
                     write a child&apos;s safeguarding file for the school with that DfE URN as an encrypted
                     package, and print its one-time code once (lead and deputy only)
  transfer import FILE --code CODE [--receipt FILE]
                     import a safeguarding file sent to this school, and write the receipt to send back
  transfer receipt PACKAGE_ID --out FILE
                     write the receipt of an imported package again
  transfer confirm RECEIPT
                     record the receiving school&apos;s receipt for a safeguarding file this school sent
  transfer list [--json]
                     list the safeguarding files sent and received, with their times
  The desktop app checks stored agreements against the built-in key, so --public-key with install,
  status or accept is for testing a Trust&apos;s own key.

Exit status: 0 on success, 1 when the command failed, 2 for a usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrol, sync-status, sync and verify: a PEM file of CA certificates to trust for the sync server besides the system&apos;s; enrol records it in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail anchors: not checked, because %1 is not enrolled with a sync server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail anchors: not checked, because the sync server&apos;s anchors could not be read. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail: %1. Keep this copy of the store for investigation, and report it to your data protection officer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail anchored: %1 of the server&apos;s anchors match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::policy</name>
    <message>
        <source>(missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown key. Remove it; the keys allowed here are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing. Add it as a text value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not text. Write it as a quoted string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is blank. Enter the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing. Add it as a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not a whole number of at least %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing. Add it as a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not a list. Write it in square brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an empty list. Add at least one entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not an object. Write it in braces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, not a code. Use lower case letters, digits and underscores, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.code is &quot;%2&quot;, which an earlier party type already uses. Give each party type its own code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.code is &quot;%2&quot;, which an earlier purpose already uses. Give each purpose its own code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.code is &quot;%2&quot;, not a data category. Use personal, special_category or criminal_offence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.code is &quot;%2&quot;, which an earlier category already uses. List each category once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, but this rule needs no condition because it %3. Remove the condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never allows sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>covers personal data only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing. Special category and criminal offence data need a condition: one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, not a known condition. Use one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, an Art. 9 condition, but criminal offence data needs a DPA 2018 s.10(5) condition such as s10_5_sch1_para18.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, a criminal offence condition, but special category data needs an Art. 9 condition such as art9_2_g_sch1_para18.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.purpose is &quot;%2&quot;, which the agreement does not declare under purposes. Declare it or use a declared purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.recipient is &quot;%2&quot;, which the agreement does not declare under partyTypes. Declare it or use a declared party type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.category is &quot;%2&quot;, which the agreement does not declare under categories. Declare it or use a declared category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.basis is &quot;%2&quot;, not a basis. Use consent, consent_or_override, override_only or never.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.lawfulBasis is &quot;%2&quot;, but a rule that never allows sharing has no lawful basis. Remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.lawfulBasis is missing. Enter the UK GDPR Art. 6 basis: one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.lawfulBasis is &quot;%2&quot;, not a known lawful basis. Use one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.retention is missing. Say how long the recipient keeps what it receives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.clause is &quot;%2&quot;, which an earlier rule already uses. Give each rule its own clause id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rules purpose &quot;%2&quot;, recipient &quot;%3&quot; and category &quot;%4&quot; again. Keep one rule for each purpose, recipient and category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement is not valid JSON: %1 at byte %2. Check the file or ask the Trust for a new copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement is a JSON %1, not an object. Its top level must be in braces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the key appears twice in the same object. Keep one, so that every reader sees the same value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>formatVersion is %1, but this version of the app reads format %2 only. Install the app version that came with this agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent was withdrawn on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent&apos;s review date, %1, has passed. Review the consent with the family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent is dated %1, which is after today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent does not name %1 as a recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent does not cover the purpose %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent does not cover %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent to share is recorded for this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clause %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data sharing agreement&apos;s signature is not verified, so nothing is shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the request is missing, so consent and decisions cannot be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field the app knows, so it is not shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data category of this %1 is not recorded, so it is not shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement does not cover this kind of data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement has no purpose &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement does not name &quot;%1&quot; as a party that may share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement does not name &quot;%1&quot; as a party that may receive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement has no rule for sharing %1 with %2 for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is never shared with %2 for this purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision to share without consent applies either.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cryptography library libsodium could not start. Reinstall the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is not %2 bytes in Base64. Check that the file is the one you meant and has not been cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundled file %1 is missing: %2. Reinstall the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating a signing key failed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret key is %1 bytes long, not %2. Use a key made by the agreement keygen command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing failed. Check the secret key and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key is %1 bytes long, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature is %1 bytes long, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not match: the document was changed after signing, or another key signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data sharing agreement was rejected because its signature is not the Trust&apos;s: %1 Do not use it; ask the Trust for a signed copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no valid Trust public key, so no agreement can be verified. Rebuild with EARLYHELP_TRUST_PUBLIC_KEY_FILE naming the Trust&apos;s key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sharing needs a recorded decision to share without consent, and none applies to this person, recipient and purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement file %1 could not be read: %2. Check the path; the signature must be beside the document, named after it with &quot;.sig&quot; added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a member of this record. Remove it; the members allowed are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing. Add it as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not a date. Write it as &quot;yyyy-MM-dd&quot;, or null when there is none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not a known code. Use one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not a known code. Use one of: %3, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not an object. Write it as {&quot;kind&quot;: …, &quot;value&quot;: …}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>familyId and personId are both missing or blank. Give the family or the person the decision covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing. Add {&quot;untilAge&quot;: N} or {&quot;yearsAfterClosure&quot;: N}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not an object. Write {&quot;untilAge&quot;: N} or {&quot;yearsAfterClosure&quot;: N}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 keys. Give exactly one: untilAge or yearsAfterClosure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 is %3, not a whole number from %4 to %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.holder is &quot;%2&quot;, which the agreement does not declare under partyTypes. Declare it or use a declared party type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.then is &quot;%2&quot;, not a retention action. Use review or delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retention is %1, not an object. Write it in braces with schedule and receivedRecords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.clause is &quot;%2&quot;, which an earlier rule or schedule entry already uses. Give each its own clause id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.holder is &quot;%2&quot;, which an earlier schedule entry already covers. Keep one entry for each party type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing. Add {&quot;clause&quot;: …, &quot;text&quot;: …} for records received from another party.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not an object. Write it in braces with clause and text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.clause is &quot;%2&quot;, which a rule or schedule entry already uses. Give it its own clause id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::retention</name>
    <message>
        <source>No person with id %1 is in the store. They may have been erased already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 records no organisation of its own, so no retention schedule applies to it. Set up the organisation in Tools › Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::retention::Erasure</name>
    <message>
        <source>Only the designated safeguarding lead may erase a person&apos;s data, because erasure cannot be undone. Ask the lead to erase it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason for the erasure is blank. Give the reason, such as the request it answers, without personal data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::retention::RetentionList</name>
    <message>
        <source>The number of days ahead is %1. Enter 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason for keeping the records is blank. Say why they are kept longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records %1 have no retention date under the agreement in force, so there is nothing to review. Check that the case is closed or the date of birth is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep until %1 is not after both today (%2) and the retention date (%3). Choose a later date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::sharing</name>
    <message>
        <source>Your organisation has not signed up to the Data Sharing Agreement, so nothing can be shared. The designated safeguarding lead signs up under Help › Policy and Agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No person with id %1 is in this store. They may have been deleted or merged into another record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No family with id %1 is in this store. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::sharing::AgreementRegister</name>
    <message>
        <source>Agreement version %1 is already installed with different content. A changed agreement needs a new version number: ask the Trust for the document under a new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement in force could not be read from the store, so nothing can be shared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement version %1 was accepted but is missing from the store, so nothing can be shared. Install the Trust&apos;s signed file of version %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signatory&apos;s name is missing. Enter the name of the person who signed the agreement for your organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signatory&apos;s role is missing. Enter the role of %1 in your organisation, such as Headteacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date the agreement was signed is missing or not a valid date. Enter the date on the signed agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed date %1 is after today, %2. Enter the date on the signed agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement version %1 is not installed. Install the Trust&apos;s signed file of version %1 first, then accept it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement version %1 is older than version %2, which is in force. Only a version newer than %2 can be accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement version %1 was already accepted: %2 (%3) signed it on %4. Nothing more is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored copy of agreement version %1 fails its signature check, so it was changed in the store or signed with another key, and nothing can be shared under it. Install the Trust&apos;s signed file of version %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store has no organisation of its own yet, so it cannot sign up to an agreement. Run the set-up again or &quot;earlyhelp-cli init&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::sharing::OverrideLog</name>
    <message>
        <source>The reason for sharing without consent is missing. Enter why the information is being sent now, such as the referral or request it answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement version %1 is not a version number. Share under an agreement that the organisation has accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store has no organisation of its own yet. Run the set-up again or &quot;earlyhelp-cli init&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::sharing::SharingLog</name>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with a consent no longer held in this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a person no longer in this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with consent given by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without consent, under a sharing decision no longer held in this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without consent, under the sharing decision of %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any %1 organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with %1 from %2 to %3 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with %1 since %2 for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent was withdrawn on %1, so sharing ended and the recipient must delete the information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This store holds %n record(s) from %1 since %2.</source>
        <translation>
            <numerusform>This store holds %n record from %1 since %2.</numerusform>
            <numerusform>This store holds %n records from %1 since %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) about this person were removed from this store, the last on %1.</source>
        <translation>
            <numerusform>%n record about this person was removed from this store, the last on %1.</numerusform>
            <numerusform>%n records about this person were removed from this store, the last on %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>This store has no record of sharing this person&apos;s information with another organisation, and holds none of it from another organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the school with URN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (URN %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1 on %2, receipt confirmed on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1 on %2, receipt not yet confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The safeguarding file was sent to another school %n time(s): %1.</source>
        <translation>
            <numerusform>The safeguarding file was sent to another school once: %1.</numerusform>
            <numerusform>The safeguarding file was sent to another school %n times: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n safeguarding file(s) from another school were imported: %1.</source>
        <translation>
            <numerusform>%n safeguarding file from another school was imported: %1.</numerusform>
            <numerusform>%n safeguarding files from another school were imported: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>another family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with consent about %1 given by %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::subjectaccess::Collector</name>
    <message>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special category data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criminal offence data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family&apos;s voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, strengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early help assessment by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owning organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Around the Family meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the people who attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress on &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Around the Family plan from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competent young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given %1, withdrawn %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent about %1, given by this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by %1, another person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision to share without consent with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1, another person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names another member of the family: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 from the store %2 failed: %3. Check the store with &quot;earlyhelp-cli verify&quot; and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN not known, reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record held by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record merged into this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names %1, another person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other member of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of %1, another member of the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: status changed to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No person with id %1 is in this store, or the record was deleted or merged into another. Choose the person from the People list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessment need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sharing decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with another organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement clauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased with the person&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1, another member of the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May receive under consent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent without consent to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::subjectaccess::Export</name>
    <message>
        <source>The export file %1 could not be created (%2). Check that the folder %3 exists and that your account may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export file %1 could not be written (%2). Free some disk space or choose another folder, then export again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::subjectaccess::SubjectAccess</name>
    <message>
        <source>Personal details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families and status history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing with other organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit of access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third-party information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serious harm, social work data (DPA 2018 Sch. 3 Part 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crime and taxation (DPA 2018 Sch. 2 para 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal professional privilege</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the designated safeguarding lead may answer a subject access request, and %1 is not the lead. Ask the lead to export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review names item %1, which is not among the items collected for this person. Collect the items again and review them afresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item &quot;%1&quot; (%2) is withheld without a reason. Choose the reason for withholding it, or disclose it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item &quot;%1&quot; (%2) is withheld for another reason, which is not given. Write the reason in the item&apos;s note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted; the store has no date for the deletion. The record is still held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on %1, restorable until %2. The record is still held.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::sync</name>
    <message>
        <source>%1 (certificate subject &quot;%2&quot;, issuer &quot;%3&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid sync server address. Enter it as https://HOST or https://HOST:PORT, as your administrator gave it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server address %1 uses http, which is not encrypted, so the device credential and case records could be read on the way. Use the server&apos;s https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server address %1 must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server address %1 contains a user name or password. Remove it: the device authenticates with its enrolment credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 contains no PEM certificate. Choose the CA certificate file (&quot;-----BEGIN CERTIFICATE-----&quot;) that your administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The request to the sync server %1 timed out after %n second(s). Check this computer&apos;s network connection and that the server is running, then try again.</source>
        <translation>
            <numerusform>The request to the sync server %1 timed out after %n second. Check this computer&apos;s network connection and that the server is running, then try again.</numerusform>
            <numerusform>The request to the sync server %1 timed out after %n seconds. Check this computer&apos;s network connection and that the server is running, then try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sync server %1 failed the request with HTTP status %2. Try again later, and tell your administrator if it goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 rejected the request: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 sent a response that is not a JSON object (HTTP status %2). Check that the address names an Early Help sync server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 presented a TLS certificate that this computer does not trust: %2. If the address is right, ask your administrator to add the CA certificate that issued the server&apos;s certificate in the sync settings (earlyhelp-cli: --ca-cert FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake with the sync server %1 failed: %2. Check that the address names the server&apos;s https port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the sync server %1: %2. Check the server address, and that the server is running and this computer can reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 sent an enrolment response without a device id, credential and organisation (HTTP status %2). Tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 sent a status response without a valid server time, API version and organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 sent an agreement without a version, a Base64 document and a signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment failed because the OS keychain, which keeps the device credential, cannot be used (%1). Nothing was sent to the server and the enrolment code can still be used. Unlock or start the keychain (on Linux, GNOME Keyring or another Secret Service), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrolment code is empty. Enter the code your administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device name &quot;%1&quot; must have 1 to %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server enrolled this device, but the OS keychain could not keep its credential (%1), so nothing was stored and the code is used up. Unlock the keychain, ask your administrator for a new code and to revoke device %2, then enrol again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store %1 is not enrolled with a sync server. Enrol it with the server address and the code your administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain has no device credential &quot;%1&quot; for this store, or the keychain is locked. Unlock the keychain, or enrol the store again with a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 answered a push of %2 changes with %3 results. Try again, and tell your administrator if it goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 sent an invalid push result %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 answered change %2 with the result of change %3. Tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 sent a pull page without a changes array, a next sequence of at least %2 and a more flag. Check that the server runs the current version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes wait on this computer because your organisation has not signed up to the Data Sharing Agreement: nothing may be shared until it does. The designated safeguarding lead signs up in Help › Policy and Agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The sync server rejected %n change(s). They stay on this computer until they are corrected.</source>
        <translation>
            <numerusform>The sync server rejected %n change. They stay on this computer until they are corrected.</numerusform>
            <numerusform>The sync server rejected %n changes. They stay on this computer until they are corrected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes are still waiting to be sent. Sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync of this store is already running. Wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 sent an audit anchor list without an anchors array. Check that the server runs the current version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server %1 sent audit anchor %2 without a sequence of 1 or more, a Base64 32-byte hash and a receivedAt time. Tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::sync::SyncLocal</name>
    <message>
        <source>The server&apos;s push answer has an invalid %1. Report this to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry of the server&apos;s feed at sequence %1 has no recordId. Report this to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s feed names an unknown record type %1. Update Early Help Case Manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s feed has an entry of unknown kind %1. Update Early Help Case Manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflict with id %1 is in this store. Sync again to bring the list up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflict %1 is already resolved. Sync again to see the value kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value chosen for conflict %1 is neither the server&apos;s nor the other organisation&apos;s. Choose one of those two values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record type %1 has no catalogue fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field %1 of a %2 record has no column in this store, so it cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 record with id %2 is in this store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::transfer</name>
    <message>
        <source>The file is not a safeguarding file package: it does not start as one does. Check that you chose the file the sending school sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package is incomplete: it has %1 bytes, fewer than any package has. Ask the sending school to send the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package has format version %1, but this version of the app reads version %2. Update the app, or ask the sending school to send the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package names key derivation %1, which this app does not know. Ask the sending school to send the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package asks for key derivation with %1 passes over %2 KiB, outside what this app accepts (at most %3 passes and %4 KiB). The file may have been changed; ask the sending school to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libsodium could not be initialised. Restart the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deriving the package key needs %1 MiB of memory, which could not be allocated. Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package key or nonce has the wrong size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code does not open this package, or the file was changed or damaged after it was made. Check the code with the sending school; if it is right, ask them to send the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store&apos;s organisation, %1, has no DfE URN, and a safeguarding file transfer names each school by its URN. Record the school&apos;s URN first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2. Check the file&apos;s name and folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 bytes, more than any safeguarding file package. Check that you chose the file the sending school sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package opened, but its contents are not a safeguarding file this version of the app reads. Update the app, or ask the sending school to send the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The permissions of %1 could not be limited to its owner: %2. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2. Check the free space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code contains &quot;%1&quot;, which is not one of its characters. A code has digits and the letters A to Z without I, L, O and U; check it with the sending school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has %1 characters, but a transfer code has %2 (without hyphens). Check it with the sending school.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::transfer::FileCollector</name>
    <message>
        <source>No person with id %1 is in this store. Check the id, for example with &quot;earlyhelp-cli list people&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person with id %1 is neither a pupil nor a child of a family, so they have no safeguarding file to transfer. Choose the child&apos;s record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::transfer::FileWriter</name>
    <message>
        <source>The package contains records of kind &quot;%1&quot;, which this version of the app does not know. Update the app and import the package again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package does not contain the record of the child it was made for. Ask the sending school to send the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package&apos;s records of kind &quot;%1&quot; are not in the expected form. Ask the sending school to send the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package&apos;s records of kind &quot;%1&quot; have a field &quot;%2&quot;, which this version of the app does not know. Update the app and import the package again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record of kind &quot;%1&quot; in the package refers through &quot;%2&quot; to a record the package does not contain. Ask the sending school to send the file again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::transfer::SafeguardingTransfer</name>
    <message>
        <source>The receiving school&apos;s URN &quot;%1&quot; is not valid: a DfE URN has six digits, e.g. 103456.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving school&apos;s URN %1 is this school&apos;s own. Enter the URN of the school the child is moving to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package is addressed to the school with URN %1, but this store belongs to %2 with URN %3. Nothing was imported; ask the sending school to check the URN and send the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package (%1) was imported on %2 by %3, and a package is imported only once. Find the child in the case list, or send the receipt again from Safeguarding File Transfers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package does not name the sending school&apos;s URN or when it was made. Ask the sending school to send the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store has imported no package with id %1, so it has no receipt for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a safeguarding file receipt. Check that you chose the receipt the receiving school sent back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store sent no package with id %1. Check that the receipt is for a safeguarding file this school sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt for package %1 does not verify: it was not made by an import of that package, or it was changed afterwards. Ask the receiving school to send the receipt again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt for package %1 comes from the school with URN %2, but the package was sent to URN %3. Ask the receiving school how it came to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt for package %1 was recorded on %2 already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recorded receipt for package %1 could not be read back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ActionEditor</name>
    <message>
        <source>Add Action[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Action[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner &amp;organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or role, such as “class teacher”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner &amp;person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::AddPersonDialog</name>
    <message>
        <source>Add Person[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forename:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal forename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;iddle names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Surname:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferred name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred forename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;UPN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique Pupil Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>13 characters, or UN1 to UN5 when not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;NHS number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ostcode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fa&amp;mily:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role in the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship to the family&apos;s children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lationship:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has parental &amp;responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who may be the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link to Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add as Ne&amp;w Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store is closed. Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need correcting, as shown beside each field.</source>
        <translation>
            <numerusform>%n field needs correcting, as shown beside it.</numerusform>
            <numerusform>%n fields need correcting, as shown beside each field.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 may already be in the store. Link the existing person to the family, or choose Add as New Person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) in the store may be %1. Link the right one to the family instead of adding a second record, or add %1 as a new person.</source>
        <translation>
            <numerusform>%n person in the store may be %1. Link them to the family instead of adding a second record, or add %1 as a new person.</numerusform>
            <numerusform>%n people in the store may be %1. Link the right one to the family instead of adding a second record, or add %1 as a new person.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a family above to link the person to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::AgreementController</name>
    <message>
        <source>The Data Sharing Agreement in %1 was refused and will not be used. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of the Data Sharing Agreement is waiting for the designated safeguarding lead to review what it changes and confirm it. Version %2 stays in force until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be shared until a correctly signed agreement is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review Changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ign Up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force for your organisation: signed up on %1 by %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 is waiting to be confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::AgreementDialog</name>
    <message>
        <source>Policy and Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Sharing Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by the Trust and verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clause %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lawful basis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent required: the family&apos;s current consent must cover it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent required, or a recorded safeguarding decision to share without consent may stand in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only on a recorded safeguarding decision to share without consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never shared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::AgreementSignUpDialog</name>
    <message>
        <source>Becomes shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops being shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with consent or a decision to share without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only by a decision to share without consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retention: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clause %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm Agreement Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign Up to the Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of “%2” replaces version %3. It applies once you confirm it below; until then version %3 stays in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation is signing up to version %1 of “%2”. Until it has, nothing can be shared with other parties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes in what may be shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No field becomes or stops being shareable, and no terms of sharing change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) in what may be shared, by recipient and purpose:</source>
        <translation>
            <numerusform>%n change in what may be shared, by recipient and purpose:</numerusform>
            <numerusform>%n changes in what may be shared, by recipient and purpose:</numerusform>
        </translation>
    </message>
    <message>
        <source>Read the &amp;Agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatory&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatory&apos;s &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatory&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example, Headteacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatory&apos;s &amp;role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date &amp;signed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;organisation accepts version %1 of the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n field(s))</source>
        <translation>
            <numerusform>%1 (%n field)</numerusform>
            <numerusform>%1 (%n fields)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a field to see its terms before and after in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2
Before: %3
After: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::AppController</name>
    <message>
        <source>Data Sharing Agreement Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case work goes on as usual. Nothing is shared under this file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::AssessmentEditor</name>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assessor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supporting Families headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Headings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed headings are in bold, with their score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the child says about their life and what would help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chi&amp;ld&apos;s voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family&apos;s voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the parents or carers say about their needs and strengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family&apos;s voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Include this heading in the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 is no concern, 5 the greatest need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strengths for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sc&amp;ore:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;trengths:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Needs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Assessment[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment of %1[*]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::AssessmentsPage</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment of %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family&apos;s voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heading was assessed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 of 5 (1 is no concern, 5 the greatest need)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Assessment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;pen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headings scored 4 or 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assessment has been recorded for this family. Choose New Assessment to record one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assessment has been recorded for this family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessments could not be read. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the assessment of %1 by %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You can restore it from Case › Deleted Items for %n day(s).</source>
        <translation>
            <numerusform>You can restore it from Case › Deleted Items for %n day.</numerusform>
            <numerusform>You can restore it from Case › Deleted Items for %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessment was not deleted. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::AuditEventModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::AuditEventText</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details erased by event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searched for “%1” (1 result)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searched for “%1” (%2 results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with %1 for %2 under clauses %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, items: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, withheld: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked with the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed unlock as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family status change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAF meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed unlock; its record could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased the person&apos;s data because: %1. Events whose details were blanked: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed unlock as “%1” at %2, with earlyhelp-cli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed unlock as “%1” at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject access export as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject access export as JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::AuditViewerDialog</name>
    <message>
        <source>%1 (born %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the CSV file: %1. Check the disk has space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit Trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the events the filters show as a CSV file. The file is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;tion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All people: type a name to choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No person matches “%1”. Check the name, or clear the Person filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than one person matches “%1”. Choose one from the list that appears as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The From date %1 is after the To date %2. Choose a From date on or before the To date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events, oldest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 events, oldest first. Scroll down for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit-trail-%1.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Audit Trail: the CSV file is not encrypted and contains names of people and case details. Save it only where case data may be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create %1: %2. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was not saved, because it could not be recorded in the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the events to %1 (events: %2). The file is not encrypted: keep it only where case data may be kept, and delete it when you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;rder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 events, newest first. Scroll down for more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::CaseNoteEditor</name>
    <message>
        <source>New Case Note[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case Note[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type of note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family member the note is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, who was there, and what was agreed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significant &amp;event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significant event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark events that change the picture of the family&apos;s situation, so they stand out in the chronology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data category of the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special category data (health, ethnicity, religion …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criminal offence data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The UK GDPR category of what the note says. It decides with whom the note may be shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data catego&amp;ry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person no longer in this family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case Note of %1[*]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ChangeStatusDialog</name>
    <message>
        <source>Change Status of %1[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date the change took effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for closing, such as the plan&apos;s goals being met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the referral to children&apos;s social care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason social care handed the family back to early help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for reopening the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new status is missing. Choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason for the change is missing. Enter why the status changes to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ChronologyPage</name>
    <message>
        <source>Chronology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chronology: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Printed on %1 by %2 · %n entry(ies)</source>
        <translation>
            <numerusform>Printed on %1 by %2 · %n entry</numerusform>
            <numerusform>Printed on %1 by %2 · %n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries match the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (significant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show entries of type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;gnificant events only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a case note to the chronology (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op&amp;en…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significant event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This family&apos;s chronology has no entries yet. Add a note to start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown, newest first.</source>
        <translation>
            <numerusform>%n entry shown, newest first.</numerusform>
            <numerusform>%n entries shown, newest first.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your role does not allow printing or exporting case records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the chronology as filtered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry (%1) is not a case note, so it is not edited in the chronology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the %1 tab of this family to see or change the record behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Case Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the case note of %1 (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>It can be restored from Case › Deleted Items for %n day(s).</source>
        <translation>
            <numerusform>It can be restored from Case › Deleted Items for %n day.</numerusform>
            <numerusform>It can be restored from Case › Deleted Items for %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the case note failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, significant events only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, all events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Chronology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note&apos;s author, or the person who gave or withdrew consent, decided to share, or changed the status. Plans, meetings and reviews record no one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry records information that was sent without consent. It cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the %1 tab of this family to see the decision it relied on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::CodeLabels</name>
    <message>
        <source>Mother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Father</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foster mother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foster father</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepped up to social care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepped down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Former surname: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ConflictsDialog</name>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number or e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts wait for a choice. When this store and another organisation change the same field to different values, the field appears here for you to choose which value to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep T&amp;his Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the value this store holds and send it to the other organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the value here with the other organisation&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed by sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync has removed nothing from this store. When the Data Sharing Agreement or a family&apos;s consent no longer lets this organisation hold a partner&apos;s record, sync removes it and lists it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Removed by sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept by the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ConsentEditor</name>
    <message>
        <source>Record Consent[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent &amp;for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pe&amp;rsonal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec&amp;ial category data (UK GDPR Art. 9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cri&amp;minal offence data (UK GDPR Art. 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data category: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metho&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date give&amp;n:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revie&amp;w on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The young person themself, as competent to consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity: competent young person. %1 gives consent for themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity: parental responsibility for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no recorded parental responsibility for %2. Choose another person, or the young person themself if they are competent to consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purpose “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also recorded, and kept when you save: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent for %1[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no recorded parental responsibility for %2, so cannot give consent for them. Choose a person with parental responsibility, or the young person themself if they are competent to consent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ConsentPage</name>
    <message>
        <source>Consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions to share without consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent &amp;given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dec&amp;isions to share without consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record Consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a family member&apos;s consent to share information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that the selected consent was withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record Decisio&amp;n to Share Without Consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a decision to share information without consent, with its lawful basis and justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op&amp;en…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected record (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected record (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (competent young person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (parental responsibility)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent for %1: %2
Given by %3 on %4 (%5)
Purposes: %6
Shared with: %7
Data: %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the consent given by %1 for %2 on %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the decision by %1 on %2 to share without consent?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It can be restored from Case › Deleted Items for 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing until edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This decision names no recipient or purpose, because it was recorded before decisions named them. It allows no sharing until you open it and choose both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allows sharing with %1 for %2 only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ConsentVocabulary</name>
    <message>
        <source>%1 (born %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding and promoting the welfare of children, young people and families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;afeguarding and promoting the welfare of children, young people and families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provision of social care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provision of social &amp;care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provision of health services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provision of &amp;health services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children&apos;s trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children&apos;s &amp;trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;ealth services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voluntary sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voluntary sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK GDPR Art. 6(1)(e): public task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK GDPR Art. 6(1)(f): legitimate interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK GDPR Art. 6(1)(c): legal obligation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK GDPR Art. 6(1)(d): vital interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 9(2)(g) with DPA 2018 Sch. 1 para 18: safeguarding of children and of individuals at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 9(2)(g), Sch. 1 para 18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 9(2)(h) with DPA 2018 Sch. 1 para 2: health or social care purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 9(2)(h), Sch. 1 para 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criminal offence data, DPA 2018 s.10(5) with Sch. 1 para 18: safeguarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA 2018 s.10(5), Sch. 1 para 18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criminal offence data, DPA 2018 s.10(5) with Sch. 1 para 2: health or social care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA 2018 s.10(5), Sch. 1 para 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special category data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criminal offence data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>competent young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a person not in this family)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::DeletedItemsDialog</name>
    <message>
        <source>Deleted Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Case records deleted in the last %n day(s) can be restored. Choose one from the &amp;list and press Restore.</source>
        <translation>
            <numerusform>Case records deleted in the last %n day can be restored. Choose one from the &amp;list and press Restore.</numerusform>
            <numerusform>Case records deleted in the last %n days can be restored. Choose one from the &amp;list and press Restore.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No case records were deleted in the last %n day(s).</source>
        <translation>
            <numerusform>No case records were deleted in the last %n day.</numerusform>
            <numerusform>No case records were deleted in the last %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may see deleted records but not restore them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted at %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until %1 today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Can be restored until %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAF meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::EditorDialog</name>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can read this record but not change it: the role %1 does not allow changes to case records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This form has changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes, discard them, or go back to the form?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo %1 (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ErasePersonDialog</name>
    <message>
        <source>Erase Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: erasure request ER-2026-14</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason (no personal data):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasing %1 removes these records from this store for good, with their history in the audit trail and the search index:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes, assessments and plans about the whole family stay, because other members remain. Check them for this person&apos;s details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure cannot be undone: there is no restore and no backup in the app. Organisations this store shared the records with are told to erase them at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name %1 to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person record(s)</source>
        <translation>
            <numerusform>%n person record</numerusform>
            <numerusform>%n person records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n address</numerusform>
            <numerusform>%n addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n telephone number(s) or email address(es)</source>
        <translation>
            <numerusform>%n telephone number or email address</numerusform>
            <numerusform>%n telephone numbers or email addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relationship(s)</source>
        <translation>
            <numerusform>%n relationship</numerusform>
            <numerusform>%n relationships</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n family membership(s)</source>
        <translation>
            <numerusform>%n family membership</numerusform>
            <numerusform>%n family memberships</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n family record(s) left without members</source>
        <translation>
            <numerusform>%n family record left without members</numerusform>
            <numerusform>%n family records left without members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case note(s)</source>
        <translation>
            <numerusform>%n case note</numerusform>
            <numerusform>%n case notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent record(s)</source>
        <translation>
            <numerusform>%n consent record</numerusform>
            <numerusform>%n consent records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) to share without consent</source>
        <translation>
            <numerusform>%n decision to share without consent</numerusform>
            <numerusform>%n decisions to share without consent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of sharing without consent</source>
        <translation>
            <numerusform>%n record of sharing without consent</numerusform>
            <numerusform>%n records of sharing without consent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s) (%1)</source>
        <translation>
            <numerusform>%n other record (%1)</numerusform>
            <numerusform>%n other records (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::FamilyCasePage</name>
    <message>
        <source>Chan&amp;ge Status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lead practitioner assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the lead practitioner as typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead &amp;practitioner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status &amp;history:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no status change recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow changes to case records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the family&apos;s case status.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::FamilyListModel</name>
    <message>
        <source>%1, looked after</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n child</numerusform>
            <numerusform>%n children</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n adult(s)</source>
        <translation>
            <numerusform>%n adult</numerusform>
            <numerusform>%n adults</numerusform>
        </translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::FamilyView</name>
    <message>
        <source>Looked after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A child in this family is looked after by a local authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a family or a person from the list to see the family here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n child</numerusform>
            <numerusform>%n children</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n adult(s)</source>
        <translation>
            <numerusform>%n adult</numerusform>
            <numerusform>%n adults</numerusform>
        </translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No family in this store includes this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, looked after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked to %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;se</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;lan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onsent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hronology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share &amp;With…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See which of this family&apos;s information can be shared with a recipient, and why the rest cannot (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::FirstUserPage</name>
    <message>
        <source>You and your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase unlocks the store. Nobody can recover it: if it is forgotten and no other user or keychain can unlock the store, its cases are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Sam Patel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also unlock with this computer&apos;s &amp;keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone who can sign in to this computer as you could then open the store without the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::FormUndo</name>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::GoalEditor</name>
    <message>
        <source>Add Goal[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Goal[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Heading:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the goal should achieve, in the family&apos;s words where possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No linked assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Linked assessment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessment of %1 by %2 records no need under “%3”. Choose another assessment or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessment this goal was linked to has been deleted, so saving removes the link. To keep it, cancel and restore the assessment from Case › Deleted Items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This family has no assessment to link the goal to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ImportSummaryDialog</name>
    <message>
        <source>Import Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pupils added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pupils updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pupils unchanged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of %1 was cancelled. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pupils in no family:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped pupils. Correct these records in the school&apos;s MIS and import a new file; pupils already imported are matched by UPN, not added twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values left empty. These pupils were imported without the values named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %1, but skipped %n pupil(s).</source>
        <translation>
            <numerusform>Imported %1, but skipped %n pupil.</numerusform>
            <numerusform>Imported %1, but skipped %n pupils.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported from %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ImportText</name>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Common Transfer File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of the app has no sample school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sample school</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ImportTransferDialog</name>
    <message>
        <source>Import Safeguarding File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the safeguarding file another school sent for a child who joins this school, with the code that school gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 7KQ2-MX9D-4TPV-0H3C-W8RB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Package:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Safeguarding File Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding file packages (*.ehsg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported the safeguarding file of %1 from %2 (URN %3), packed on %4: %n record(s).</source>
        <translation>
            <numerusform>Imported the safeguarding file of %1 from %2 (URN %3), packed on %4: %n record.</numerusform>
            <numerusform>Imported the safeguarding file of %1 from %2 (URN %3), packed on %4: %n records.</numerusform>
        </translation>
    </message>
    <message>
        <source>This school already had a pupil with the child&apos;s UPN, so the records were added to that pupil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the receipt and send it back to the sending school, so that they can record that the file arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding file receipts (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::MainWindow</name>
    <message>
        <source>&amp;Import Common Transfer File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import pupils, contacts and families from a Common Transfer File (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the &amp;Sample School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a fictional school&apos;s pupils and families to try the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the store and hide all case data until it is unlocked again (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Early Help Case Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by a member&apos;s name or UPN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or UPN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early Help Case Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early Help Case Manager — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAESTAB %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pupil(s)</source>
        <translation>
            <numerusform>%n pupil</numerusform>
            <numerusform>%n pupils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n adult(s)</source>
        <translation>
            <numerusform>%n adult</numerusform>
            <numerusform>%n adults</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n family(ies)</source>
        <translation>
            <numerusform>%n family</numerusform>
            <numerusform>%n families</numerusform>
        </translation>
    </message>
    <message>
        <source>This store has no pupils yet. Choose File › Import Common Transfer File… (Ctrl+I) to add the school&apos;s pupils, their contacts and families.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Common Transfer File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common Transfer Files (*.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Early Help Case Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Early Help Case Manager %1&lt;/h3&gt;&lt;p&gt;Early help case records for a school&apos;s designated safeguarding leads, kept in an encrypted store on this computer.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sample school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %L1 people, not every match. Type more of a name or a UPN to narrow the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge With…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the selected person with another record of the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deleted Items…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews, actions and consent due, and families without a plan (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Policy and Agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the signed Data Sharing Agreement and its sharing rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share With…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See which of the selected person&apos;s information can be shared with a recipient, and why the rest cannot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject &amp;Access Request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export everything held about the selected person, after withholding what must not be disclosed (designated safeguarding lead only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer Safeguarding File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected child&apos;s safeguarding file to the school they are moving to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Safeguarding File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a safeguarding file that another school sent with its code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding File &amp;Transfers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the safeguarding files sent and received, and record receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing &amp;Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See who holds the selected person&apos;s information, since when, and under which consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase Person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the selected person&apos;s data from this store for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the records due for review or deletion under the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit Trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See who viewed, searched, changed, shared and exported what</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::MeetingEditor</name>
    <message>
        <source>Record TAF Meeting[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit TAF Meeting[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names and organisations, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attendees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::MergePeopleDialog</name>
    <message>
        <source>No family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for the other person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or UPN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People to merge with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two people side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can compare these records but not merge them: the role %1 does not allow deleting records, and a merge removes one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the record that is the same person as %1. Their records are shown side by side below; choose which record to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family memberships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers and e-mail addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: choose a person above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep %1 (column 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the first record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep %1 (column 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the second record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge record %1 (%2) into record %3 (%4)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything recorded for record %1 moves to record %2: family memberships, addresses, contacts, case notes, consents and sharing decisions, and identifiers that record %2 lacks. Record %1 then no longer appears in lists or searches. A merge cannot be undone from Case › Deleted Items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::MyWorkView</name>
    <message>
        <source>My work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews, actions and consent due, and families without a plan. Press Enter to open a line&apos;s family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock a store to see the work due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work due as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent for a person not found in this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No family</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Due in %n day(s)</source>
        <translation>
            <numerusform>Due in %n day</numerusform>
            <numerusform>Due in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record belongs to no family, so there is no family to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter or double-click to open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Overdue actions (%n)</source>
        <translation>
            <numerusform>Overdue actions (%n)</numerusform>
            <numerusform>Overdue actions (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Consent due for review (%n)</source>
        <translation>
            <numerusform>Consent due for review (%n)</numerusform>
            <numerusform>Consent due for review (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Families without a plan (%n)</source>
        <translation>
            <numerusform>Families without a plan (%n)</numerusform>
            <numerusform>Families without a plan (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No actions are overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent is due for review in the next 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every open family has an active plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reviews overdue or due in the next 7 days (%n)</source>
        <translation>
            <numerusform>Reviews overdue or due in the next 7 days (%n)</numerusform>
            <numerusform>Reviews overdue or due in the next 7 days (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No plan reviews are overdue or due in the next 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::OrganisationPage</name>
    <message>
        <source>Your school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school that owns this store. Enter its DfE URN, or its local authority and establishment numbers (the LAESTAB, e.g. 330 and 2987), as on Get Information about Schools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DfE URN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>six digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local authority number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>three digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Establishment number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>four digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DfE &amp;URN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local authority number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Establishment number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the school&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A DfE URN has six digits, e.g. 103456; this one has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local authority number has three digits, e.g. 330 for Birmingham; this one has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An establishment number has four digits, e.g. 2987; this one has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the DfE URN, or both the local authority and establishment numbers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::PassphraseStrength</name>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: it repeats the same few characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak: a longer phrase of several unrelated words is stronger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair: add another word to make it stronger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::PeopleModel</name>
    <message>
        <source>Not in a family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::PlanClosureEditor</name>
    <message>
        <source>Edit Plan Closure[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Plan[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan has no goals, so there are no outcomes to record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::PlanEditor</name>
    <message>
        <source>Start a Plan[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Plan[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::PlanPage</name>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2, closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1, active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This family has no Team Around the Family plan yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a &amp;Plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &amp;by start date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan goals, actions, meetings and reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;Plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Goal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Act&amp;ion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record Meeting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record Revie&amp;w…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected record (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected record (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Pla&amp;n…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the plan could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1, closed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open action(s)</source>
        <translation>
            <numerusform>%n open action</numerusform>
            <numerusform>%n open actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>next review due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Around the Family plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome, %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Goals and actions (%n)</source>
        <translation>
            <numerusform>Goals and actions (%n)</numerusform>
            <numerusform>Goals and actions (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the linked assessment was deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from the assessment of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open, overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due %1 and not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>TAF meetings (%n)</source>
        <translation>
            <numerusform>TAF meetings (%n)</numerusform>
            <numerusform>TAF meetings (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>TAF meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reviews (%n)</source>
        <translation>
            <numerusform>Reviews (%n)</numerusform>
            <numerusform>Reviews (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review at the TAF meeting of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No next review set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress, %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan started on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the goal “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the action “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TAF meeting of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the review of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You can restore it from Case › Deleted Items for %n day(s).</source>
        <translation>
            <numerusform>You can restore it from Case › Deleted Items for %n day.</numerusform>
            <numerusform>You can restore it from Case › Deleted Items for %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its goals, actions, meetings and reviews are kept with it. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::PlanRecordEditor</name>
    <message>
        <source>Assessment of %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ReadyPage</name>
    <message>
        <source>The store is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import the sample school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample is a fictional primary school with its pupils and their families, for trying the app before you import your own Common Transfer File. Everyone in it is made up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case store for %1 is at %2. Keep your passphrase safe: it is the only way into the store on another computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be set up, so the store opens with your passphrase only. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is not set up. A designated safeguarding lead can connect to a sync server later in Tools › Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is enrolled with the sync server %1 for %2 and syncs in the background while the store is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::RetentionDialog</name>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records whose retention period under the agreement has ended, or ends within the days chosen. Review one to keep it longer, or erase it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records due for review or deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review child&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete child&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review family&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete family&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing is due within %n day(s).</source>
        <translation>
            <numerusform>Nothing is due within %n day.</numerusform>
            <numerusform>Nothing is due within %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Review Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: due on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept %1 until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ReviewEditor</name>
    <message>
        <source>Record Review[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Review[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held at meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not held at a TAF meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAF meeting on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held at &amp;meeting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan has no goals yet, so there is no progress to record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress towards goal %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress since the last review</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This review also records progress towards %n goal(s) that were deleted. Saving removes that progress.</source>
        <translation>
            <numerusform>This review also records progress towards %n goal that was deleted. Saving removes that progress.</numerusform>
            <numerusform>This review also records progress towards %n goals that were deleted. Saving removes that progress.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ne&amp;xt review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a next review date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SendTransferDialog</name>
    <message>
        <source>Transfer Safeguarding File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack the safeguarding file of %1 for the school the child is moving to. The file is encrypted; the receiving school opens it with a one-time code that you give them separately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>six digits, e.g. 104789</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving school&apos;s &amp;URN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;package as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package is saved. This is its one-time code. It is shown only this once and is not stored anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the code to the receiving school by a different route than the file, for example read it to their designated safeguarding lead by telephone. Anyone with both the file and the code can read the child&apos;s file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Safeguarding File Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding file packages (*.ehsg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the package.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after this many minutes without input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a designated safeguarding lead can change these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The window locks after %n minute(s) without keyboard or mouse input, and at once when this computer&apos;s session locks.</source>
        <translation>
            <numerusform>The window locks after %n minute without keyboard or mouse input, and at once when this computer&apos;s session locks.</numerusform>
            <numerusform>The window locks after %n minutes without keyboard or mouse input, and at once when this computer&apos;s session locks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SetupWizard</name>
    <message>
        <source>Set Up Early Help Case Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 could not be created. Go back and choose another place for the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the store. Protecting the key with your passphrase takes a few seconds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be created. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no store to enrol yet. Go back and create the store first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::ShareDialog</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Clause: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields to share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record and field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can be shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is sent from this window: it shows what sharing would send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share With — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n field(s) can be shared</source>
        <translation>
            <numerusform>%1 of %n field can be shared</numerusform>
            <numerusform>%1 of %n fields can be shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 of %n</numerusform>
            <numerusform>%1 of %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can be shared under clause %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lawful basis: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared without consent under the sharing decision of %1 by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared without consent under a recorded sharing decision.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SharingDecisionEditor</name>
    <message>
        <source>Record Decision to Share Without Consent[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whose information:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lawful basis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: personal data only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed when special category or criminal offence data is shared: the UK GDPR Art. 9 condition, or for criminal offence data DPA 2018 s.10(5), each with its Schedule 1 paragraph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Condition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why sharing without consent is necessary and proportionate, and why consent was not sought or was overridden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided b&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Da&amp;te:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision to Share Without Consent[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of organisation this decision allows sharing with. It allows no other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the information is shared for under this decision. It allows no other purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SharingLogDialog</name>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent %1, no longer held in this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by %1 (%2) on %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a person no longer in this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covers %1 for %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing decision %1, no longer held in this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared without consent: decided by %1 on %2 under %3.
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations this person&apos;s information was shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient and information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent or decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations whose records about this person this store holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records about this person removed from this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the sharing log could not be recorded in the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing Log — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent no longer held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent of %1, withdrawn %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing decision of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing decision no longer held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Lawful basis: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clause %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store has no record of sharing this person&apos;s information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed by sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School with URN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (URN %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: safeguarding file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer to the child&apos;s new school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed on %1; the school imported the file on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School that sent the safeguarding file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::StoreLocationPage</name>
    <message>
        <source>Where the case store lives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is one encrypted file on this computer. Keep it on a drive that only you and your deputies can reach, and include it in the school&apos;s backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the store file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Store file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the path of the store file, or choose Browse….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder. Add a file name, for example cases.ehstore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case store already exists at %1. Choose another file name, or cancel and open that store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot create files in %1. Choose a folder that you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Where to Keep the Case Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case stores (*.ehstore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its key file is kept beside it, with &quot;.keys&quot; added to the name. Back up both files together: the store cannot be opened without its key file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SubjectAccessDialog</name>
    <message>
        <source>Subject Access Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything this store holds about the person. Review each &amp;item: withhold what must not be disclosed, with the reason, then export the rest. Withheld items are listed in the export by reason, title and date, without their content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only items that may contain &amp;third-party information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items held about the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item (checked: withheld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withheld because</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content of the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withhold this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required for &quot;Other&quot;, where it is shown to the requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject Access Request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May contain third-party information</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n item(s))</source>
        <translation>
            <numerusform>%1 (%n item)</numerusform>
            <numerusform>%1 (%n items)</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestion: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s), %1 withheld, %2 may contain third-party information</source>
        <translation>
            <numerusform>%n item, %1 withheld, %2 may contain third-party information</numerusform>
            <numerusform>%n items, %1 withheld, %2 may contain third-party information</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject access %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n item(s) to %1, with %2 withheld. The export is recorded in the audit trail.</source>
        <translation>
            <numerusform>Exported %n item to %1, with %2 withheld. The export is recorded in the audit trail.</numerusform>
            <numerusform>Exported %n items to %1, with %2 withheld. The export is recorded in the audit trail.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SyncController</name>
    <message>
        <source>S&amp;ync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this store&apos;s changes to the sync server and receive the partners&apos; changes (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose between this store&apos;s values and a partner&apos;s, and see what sync removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync Did Not Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SyncEnrolmentForm</name>
    <message>
        <source>https://sync.example.org:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: only for a server with its own CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA c&amp;ertificate file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA Certificate File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SyncServerPage</name>
    <message>
        <source>Connect to the sync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Leave the address and the code empty to skip this step. A designated safeguarding lead can connect later in Tools › Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync shares this store&apos;s cases with the partner organisations of the Data Sharing Agreement through your local authority&apos;s server. Your administrator gives you the server address, a one-time enrolment code and, for a server with its own certificate authority, its CA certificate file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SyncSettingsSection</name>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange the enrolment code for this device&apos;s credential with the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store is not enrolled with a sync server. Enter the server address and the enrolment code your administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled with %1 as the device &quot;%2&quot; of %3 since %4. Enrol again to change the server, the CA certificate file or the device.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::SyncStatusWidget</name>
    <message>
        <source>Show the conflicts that wait for your choice (Tools › Conflicts…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… %1 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: retrying at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync incomplete, last complete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store is not enrolled with a sync server. A designated safeguarding lead can enrol it in Tools › Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending this store&apos;s changes to the sync server and receiving the partners&apos; changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Tools › Sync Now (F9) to sync at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Choose Tools › Sync Now (F9) to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind the server&apos;s. Check the date and time settings.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute behind the server&apos;s. Check the date and time settings.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes behind the server&apos;s. Check the date and time settings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead of the server&apos;s. Check the date and time settings.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute ahead of the server&apos;s. Check the date and time settings.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes ahead of the server&apos;s. Check the date and time settings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::TransfersDialog</name>
    <message>
        <source>Safeguarding File Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent or imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm Receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the receipt a receiving school sent back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the receipt of the selected imported file again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (URN %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No safeguarding files have been sent or received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding file receipts (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2. Check the file&apos;s name and folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt recorded: %1 (URN %2) imported the safeguarding file of %3 on %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding file receipts (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::UnlockDialog</name>
    <message>
        <source>That passphrase does not unlock this store. Check that Caps Lock is off and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is damaged and cannot be opened. Restore it from the school&apos;s backup, or ask your IT support to run &quot;earlyhelp-cli verify&quot;. Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a case store. Choose Open Another Store… to pick the right file. Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newer version of Early Help Case Manager wrote this store, so this version cannot open it. Install the newer version. Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be found. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not unlock the store; enter your passphrase instead. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the Case Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase to open the case store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock with &amp;Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Another Store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no case store at %1 any more. Choose Open Another Store… to find it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Case Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case stores (*.ehstore);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wait %n s</source>
        <translation>
            <numerusform>Wait %n s</numerusform>
            <numerusform>Wait %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After several wrong passphrases, the next try waits %n second(s).</source>
        <translation>
            <numerusform>After several wrong passphrases, the next try waits %n second.</numerusform>
            <numerusform>After several wrong passphrases, the next try waits %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be opened as a case store. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::UserEditorDialog</name>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name they will choose when unlocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temporary passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the temporary passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;epeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the new user this passphrase in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the role replaces the user&apos;s passphrase with this one. Give it to them in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 It needs at least %n character(s).</source>
        <translation>
            <numerusform>%1 It needs at least %n character.</numerusform>
            <numerusform>%1 It needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new user&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase in both fields.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::UsersDialog</name>
    <message>
        <source>Unknown role &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm your passphrase to manage users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding, removing and changing users rewrites the store&apos;s key file, which needs the key that your passphrase unlocks. The key is forgotten when this window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each user unlocks this store with their own passphrase. Their role decides what they may do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;sers of this store:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add User…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove User…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Ro&amp;le…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role has changed since you unlocked the store. Lock the store and unlock it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from this store? They will no longer be able to unlock it. Case records they wrote are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>earlyhelp::ui::WithdrawConsentDialog</name>
    <message>
        <source>Withdraw Consent for %1[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given by %1 for %2 on %3. From the date it is withdrawn, it no longer allows sharing. The consent stays on the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date withdrawn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the person who withdrew it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Early help case records for a school&apos;s designated safeguarding leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the case store at &lt;path&gt; instead of the default one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer the signed Data Sharing Agreement in &lt;file&gt;, with its signature in &lt;file&gt;.sig, instead of the one built in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
