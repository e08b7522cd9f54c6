<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
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
</context>
</TS>
