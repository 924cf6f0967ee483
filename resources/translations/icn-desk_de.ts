<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CsvWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>Das Schreiben von %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>FakeKeyProvider</name>
    <message>
        <source>There is no key for this account.</source>
        <translation>Für dieses Konto gibt es keinen Schlüssel.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>Das Passwort ist falsch.</translation>
    </message>
</context>
<context>
    <name>StandardPages</name>
    <message>
        <source>Marketplace</source>
        <translation>Marktplatz</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>No wallet is open in this session (in-memory demo network).</source>
        <translation>In dieser Sitzung ist keine Wallet geöffnet (Demo-Netzwerk im Arbeitsspeicher).</translation>
    </message>
</context>
<context>
    <name>icn::ui::AccountHistoryModel</name>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signiert</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>icn::ui::AccountListModel</name>
    <message>
        <source>Public test key (local mirror only)</source>
        <translation>Öffentlicher Testschlüssel (nur lokaler Spiegel)</translation>
    </message>
    <message>
        <source>Imported key</source>
        <translation>Importierter Schlüssel</translation>
    </message>
    <message>
        <source>Recovery phrase, %1</source>
        <translation>Wiederherstellungsphrase, %1</translation>
    </message>
    <message>
        <source>Anyone can sign with this key: use it only on the local mirror.</source>
        <translation>Mit diesem Schlüssel kann jeder signieren: Verwenden Sie ihn nur auf dem lokalen Spiegel.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
</context>
<context>
    <name>icn::ui::ActivityPage</name>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Filter by signer address</source>
        <translation>Nach Adresse des Unterzeichners filtern</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details …</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Verify integrity and conservation, and replay the log against the state hash</source>
        <translation>Integrität und Erhaltung prüfen und das Protokoll gegen den Zustands-Hash nachspielen</translation>
    </message>
    <message>
        <source>The check stopped without a report.</source>
        <translation>Die Prüfung wurde ohne Bericht beendet.</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>The log is empty.</source>
        <translation>Das Protokoll ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s)</source>
        <translation>
            <numerusform>%n Transaktion</numerusform>
            <numerusform>%n Transaktionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>searching the log…</source>
        <translation>Protokoll wird durchsucht …</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Check passed.</source>
        <translation>Prüfung bestanden.</translation>
    </message>
    <message>
        <source>Check FAILED — see the findings below.</source>
        <translation>Prüfung FEHLGESCHLAGEN – siehe die Befunde unten.</translation>
    </message>
</context>
<context>
    <name>icn::ui::ActivityTableModel</name>
    <message>
        <source>(local)</source>
        <translation>(lokal)</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>Signiert von %1</translation>
    </message>
    <message>
        <source>A local transaction without a signature</source>
        <translation>Eine lokale Transaktion ohne Signatur</translation>
    </message>
    <message>
        <source>The log is ordered by sequence number; click to reverse</source>
        <translation>Das Protokoll ist nach Sequenznummer geordnet; klicken Sie, um die Reihenfolge umzukehren</translation>
    </message>
    <message>
        <source>The running state hash after this transaction</source>
        <translation>Der fortlaufende Zustands-Hash nach dieser Transaktion</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Unterzeichner</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>State hash</source>
        <translation>Zustands-Hash</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>%1 · epoch %2</source>
        <translation>%1 · Epoche %2</translation>
    </message>
    <message>
        <source>Auction bids are sealed: the bidder is shown once the tender is awarded or the auction has run</source>
        <translation>Auktionsgebote sind versiegelt: Der Bieter wird angezeigt, sobald die Ausschreibung vergeben oder die Auktion gelaufen ist</translation>
    </message>
    <message>
        <source>(sealed)</source>
        <translation>(versiegelt)</translation>
    </message>
</context>
<context>
    <name>icn::ui::AppController</name>
    <message>
        <source>The network could not be created</source>
        <translation>Das Netzwerk konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 [%2]

Your wallet was kept; ICN Desk asks for the network again on the next start.</source>
        <translation>%1 [%2]

Ihre Wallet wurde behalten; ICN Desk fragt beim nächsten Start erneut nach dem Netzwerk.</translation>
    </message>
    <message>
        <source>Preparing the network</source>
        <translation>Netzwerk wird vorbereitet</translation>
    </message>
    <message>
        <source>Creating the demo network with a year of simulated market history…</source>
        <translation>Das Demo-Netzwerk wird mit einem Jahr simulierter Marktgeschichte angelegt …</translation>
    </message>
    <message>
        <source>Creating the network from the snapshot…</source>
        <translation>Das Netzwerk wird aus dem Snapshot angelegt …</translation>
    </message>
    <message>
        <source>The network was not created.</source>
        <translation>Das Netzwerk wurde nicht angelegt.</translation>
    </message>
</context>
<context>
    <name>icn::ui::AskLadderChart</name>
    <message>
        <source>Free TB at this price</source>
        <translation>Freie TB zu diesem Preis</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>TB</translation>
    </message>
    <message>
        <source>Ask ladder (ICNT/TB-month)</source>
        <translation>Angebotsleiter (ICNT/TB-Monat)</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
</context>
<context>
    <name>icn::ui::BookingDetailsDialog</name>
    <message>
        <source>Booking %1</source>
        <translation>Buchung %1</translation>
    </message>
    <message>
        <source>Booking:</source>
        <translation>Buchung:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <source>Served by cluster:</source>
        <translation>Bedient von Cluster:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>Months:</source>
        <translation>Monate:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Gesamt:</translation>
    </message>
    <message>
        <source>Escrow left:</source>
        <translation>Rest in Treuhand:</translation>
    </message>
    <message>
        <source>Withheld (claimable):</source>
        <translation>Einbehalten (einforderbar):</translation>
    </message>
    <message>
        <source>Serving HNs (%1):</source>
        <translation>Bedienende HNs (%1):</translation>
    </message>
</context>
<context>
    <name>icn::ui::BookingExplainPage</name>
    <message>
        <source>Why not matched</source>
        <translation>Warum nicht zugeordnet</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Why it is not used</source>
        <translation>Warum er nicht genutzt wird</translation>
    </message>
    <message>
        <source>The quote uses %1. Everything else in scope, and why:</source>
        <translation>Das Angebot nutzt %1. Alles andere im Bereich, und warum:</translation>
    </message>
    <message>
        <source>Nothing in scope can serve this request. Go back to change it; here is why:</source>
        <translation>Nichts im Bereich kann diese Anfrage bedienen. Gehen Sie zurück, um sie zu ändern; die Gründe:</translation>
    </message>
    <message>
        <source>whole cluster</source>
        <translation>ganzer Cluster</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Every node in scope is used.</source>
        <translation>Jeder Knoten im Bereich wird genutzt.</translation>
    </message>
</context>
<context>
    <name>icn::ui::BookingPasswordPage</name>
    <message>
        <source>Sign</source>
        <translation>Signieren</translation>
    </message>
    <message>
        <source>Your password decrypts the account&apos;s key for this one signature; the key is wiped afterwards.</source>
        <translation>Ihr Passwort entschlüsselt den Schlüssel des Kontos für diese eine Signatur; danach wird der Schlüssel gelöscht.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Sign and &amp;book</source>
        <translation>Signieren und &amp;buchen</translation>
    </message>
    <message>
        <source>Unlocking the key and signing…</source>
        <translation>Schlüssel wird entsperrt und signiert …</translation>
    </message>
</context>
<context>
    <name>icn::ui::BookingRequestPage</name>
    <message>
        <source>How much and when</source>
        <translation>Wie viel und wann</translation>
    </message>
    <message>
        <source>The quote below follows your input. Prices are per TB and month; the protocol adds its margin.</source>
        <translation>Das Angebot unten folgt Ihrer Eingabe. Preise gelten pro TB und Monat; das Protokoll schlägt seine Marge auf.</translation>
    </message>
    <message>
        <source>e.g. 250</source>
        <translation>z. B. 250</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>TB</translation>
    </message>
    <message>
        <source>PB (1,000 TB)</source>
        <translation>PB (1.000 TB)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Start month</source>
        <translation>Startmonat</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Show which clusters and nodes are &amp;not used, and why</source>
        <translation>Zeigen, welche Cluster und Knoten &amp;nicht genutzt werden, und warum</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>S&amp;tart month:</source>
        <translation>S&amp;tartmonat:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Laufzeit:</translation>
    </message>
    <message>
        <source>Live quote</source>
        <translation>Aktuelles Angebot</translation>
    </message>
    <message>
        <source>Served by:</source>
        <translation>Bedient von:</translation>
    </message>
    <message>
        <source>Nodes:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <source>To hardware providers:</source>
        <translation>An Hardware-Anbieter:</translation>
    </message>
    <message>
        <source>Protocol margin:</source>
        <translation>Protokollmarge:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Gesamt:</translation>
    </message>
    <message>
        <source>Bookings start between %1 and %2 (it is %3 now) and last %4 to %5 months; each node may allow less.</source>
        <translation>Buchungen beginnen zwischen %1 und %2 (jetzt ist %3) und dauern %4 bis %5 Monate; einzelne Knoten können weniger erlauben.</translation>
    </message>
    <message>
        <source>%1: %2 TB × %3</source>
        <translation>%1: %2 TB × %3</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, %2 bis %3</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Enter a size to get a quote.</source>
        <translation>Geben Sie eine Größe ein, um ein Angebot zu erhalten.</translation>
    </message>
</context>
<context>
    <name>icn::ui::BookingResultPage</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Re-quote</source>
        <translation>&amp;Neues Angebot</translation>
    </message>
    <message>
        <source>&amp;Change the request</source>
        <translation>Anfrage ä&amp;ndern</translation>
    </message>
    <message>
        <source>Booked: %1</source>
        <translation>Gebucht: %1</translation>
    </message>
    <message>
        <source>%1 TB in cluster %2 from %3 to %4 (%5). %6 left your balance; the hardware providers are paid from escrow month by month. See it on the Bookings page.</source>
        <translation>%1 TB in Cluster %2 von %3 bis %4 (%5). %6 wurden von Ihrem Guthaben abgebucht; die Hardware-Anbieter werden Monat für Monat aus dem Treuhandkonto bezahlt. Sie finden die Buchung auf der Seite Buchungen.</translation>
    </message>
    <message>
        <source>Not booked: %1</source>
        <translation>Nicht gebucht: %1</translation>
    </message>
    <message>
        <source>Nothing was booked or paid.</source>
        <translation>Es wurde nichts gebucht oder bezahlt.</translation>
    </message>
</context>
<context>
    <name>icn::ui::BookingReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>This is exactly what you sign. The engine recomputes the price when it receives it.</source>
        <translation>Genau das signieren Sie. Die Engine berechnet den Preis beim Empfang neu.</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>&amp;Signieren …</translation>
    </message>
    <message>
        <source>There is no valid quote to sign.</source>
        <translation>Es gibt kein gültiges Angebot zum Signieren.</translation>
    </message>
    <message>
        <source>%1: %2 TB × %3</source>
        <translation>%1: %2 TB × %3</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Bedient von</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>%1 to %2 (%3 months)</source>
        <translation>%1 bis %2 (%3 Monate)</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>To hardware providers</source>
        <translation>An Hardware-Anbieter</translation>
    </message>
    <message>
        <source>Protocol margin</source>
        <translation>Protokollmarge</translation>
    </message>
    <message>
        <source>Total you sign</source>
        <translation>Zu signierender Gesamtbetrag</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Guthaben danach</translation>
    </message>
    <message>
        <source>The price moved from %1 to %2 while you were reviewing. The summary above now shows the new total; sign again if you agree.</source>
        <translation>Der Preis hat sich während der Prüfung von %1 auf %2 geändert. Die Übersicht oben zeigt jetzt den neuen Gesamtbetrag; signieren Sie erneut, wenn Sie einverstanden sind.</translation>
    </message>
    <message>
        <source>Nonce</source>
        <translation>Nonce</translation>
    </message>
    <message>
        <source>set when signing</source>
        <translation>wird beim Signieren gesetzt</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>the end of %1 (refused after that month)</source>
        <translation>Ende %1 (nach diesem Monat abgelehnt)</translation>
    </message>
    <message>
        <source>Since this summary was shown, the account signed another transaction or the month closed, so the nonce or deadline above changed. Check the summary and sign again.</source>
        <translation>Seit diese Übersicht angezeigt wurde, hat das Konto eine weitere Transaktion signiert oder der Monat wurde abgeschlossen; Nonce oder Frist oben haben sich daher geändert. Prüfen Sie die Übersicht und signieren Sie erneut.</translation>
    </message>
</context>
<context>
    <name>icn::ui::BookingScopePage</name>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Choose a cluster, or a zone or region and let the protocol pick the cheapest cluster in it.</source>
        <translation>Wählen Sie einen Cluster – oder eine Zone bzw. Region, und das Protokoll wählt darin den günstigsten Cluster.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Bereich:</translation>
    </message>
    <message>
        <source>The booking is served by nodes of this cluster.</source>
        <translation>Die Buchung wird von Knoten dieses Clusters bedient.</translation>
    </message>
    <message>
        <source>The protocol books the cluster of this zone with the lowest total.</source>
        <translation>Das Protokoll bucht den Cluster dieser Zone mit dem niedrigsten Gesamtpreis.</translation>
    </message>
    <message>
        <source>The protocol books the cheapest cluster of the cheapest zone in this region.</source>
        <translation>Das Protokoll bucht den günstigsten Cluster der günstigsten Zone dieser Region.</translation>
    </message>
    <message>
        <source>You selected node %1. Service providers cannot pick a node: the protocol assigns the nodes of a cluster by price, commitment and reliability. This booking goes to cluster %2.</source>
        <translation>Sie haben den Knoten %1 ausgewählt. Service-Anbieter können keinen Knoten wählen: Das Protokoll teilt die Knoten eines Clusters nach Preis, Verpflichtung und Zuverlässigkeit zu. Diese Buchung geht an Cluster %2.</translation>
    </message>
</context>
<context>
    <name>icn::ui::BookingTableModel</name>
    <message>
        <source>Scope %1, served by cluster %2</source>
        <translation>Bereich %1, bedient von Cluster %2</translation>
    </message>
    <message>
        <source>Booked by %1</source>
        <translation>Gebucht von %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>Compensation withheld from the serving HNs that you can claim</source>
        <translation>Von den bedienenden HNs einbehaltene Entschädigung, die Sie einfordern können</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Serving HNs</source>
        <translation>Bedienende HNs</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Escrow left</source>
        <translation>Rest in Treuhand</translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation>Einbehalten</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2 (%n months)</source>
        <translation>
            <numerusform>%1 – %2 (%n Monat)</numerusform>
            <numerusform>%1 – %2 (%n Monate)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
</context>
<context>
    <name>icn::ui::BookingWizard</name>
    <message>
        <source>Book capacity</source>
        <translation>Kapazität buchen</translation>
    </message>
    <message>
        <source>Enter the size in PB with up to three decimals, e.g. 1.5.</source>
        <translation>Geben Sie die Größe in PB mit höchstens drei Nachkommastellen ein, z. B. 1,5.</translation>
    </message>
    <message>
        <source>Enter the size as a whole number of TB, e.g. 250.</source>
        <translation>Geben Sie die Größe als ganze Zahl in TB ein, z. B. 250.</translation>
    </message>
    <message>
        <source>The size must be at least 1 TB.</source>
        <translation>Die Größe muss mindestens 1 TB betragen.</translation>
    </message>
    <message>
        <source>The engine is not available.</source>
        <translation>Die Engine ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>No wallet is open to sign with.</source>
        <translation>Es ist keine Wallet zum Signieren geöffnet.</translation>
    </message>
</context>
<context>
    <name>icn::ui::BookingsPage</name>
    <message>
        <source>Filter by booking, scope or HN</source>
        <translation>Nach Buchung, Bereich oder HN filtern</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details …</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <source>Write the bookings shown, in the order shown, to a CSV file</source>
        <translation>Die angezeigten Buchungen in der aktuellen Reihenfolge in eine CSV-Datei schreiben</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n booking(s) to %1</source>
        <translation>
            <numerusform>%n Buchung nach %1 exportiert</numerusform>
            <numerusform>%n Buchungen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1

Choose another folder or file name and try again.</source>
        <translation>%1

Wählen Sie einen anderen Ordner oder Dateinamen und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>No account selected.</source>
        <translation>Kein Konto ausgewählt.</translation>
    </message>
    <message>
        <source>This account has no bookings yet.</source>
        <translation>Dieses Konto hat noch keine Buchungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n Buchung</numerusform>
            <numerusform>%n Buchungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n booking(s) shown</source>
        <translation>
            <numerusform>%1 von %n Buchung angezeigt</numerusform>
            <numerusform>%1 von %n Buchungen angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>filtering…</source>
        <translation>wird gefiltert …</translation>
    </message>
    <message>
        <source>sorting…</source>
        <translation>wird sortiert …</translation>
    </message>
    <message>
        <source>Export bookings</source>
        <translation>Buchungen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
</context>
<context>
    <name>icn::ui::CapacityChart</name>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>TB</translation>
    </message>
    <message>
        <source>Capacity by month</source>
        <translation>Kapazität pro Monat</translation>
    </message>
</context>
<context>
    <name>icn::ui::ClusterTileDelegate</name>
    <message>
        <source>%1 % booked · %2 TB free</source>
        <translation>%1 % gebucht · %2 TB frei</translation>
    </message>
    <message>
        <source>100 % booked · 10,000 TB free</source>
        <translation>100 % gebucht · 10.000 TB frei</translation>
    </message>
</context>
<context>
    <name>icn::ui::ClusterTileModel</name>
    <message>
        <source>%1 in %2: %3 TB free of %4 TB, listed at %5 per TB-month</source>
        <translation>%1 in %2: %3 TB von %4 TB frei, gelistet zu %5 pro TB-Monat</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>nothing free</source>
        <translation>nichts frei</translation>
    </message>
</context>
<context>
    <name>icn::ui::ErrorPresenter</name>
    <message>
        <source>The price moved</source>
        <translation>Der Preis hat sich geändert</translation>
    </message>
    <message>
        <source>The price moved from %1 to %2 since your quote.</source>
        <translation>Der Preis hat sich seit Ihrem Angebot von %1 auf %2 geändert.</translation>
    </message>
    <message>
        <source>Re-quote to see the new total, then review and sign again.</source>
        <translation>Fordern Sie ein neues Angebot an, um den neuen Gesamtbetrag zu sehen, und prüfen und signieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Not enough ICNT</source>
        <translation>Nicht genug ICNT</translation>
    </message>
    <message>
        <source>Your balance of %1 does not cover the total of %2.</source>
        <translation>Ihr Guthaben von %1 deckt den Gesamtbetrag von %2 nicht.</translation>
    </message>
    <message>
        <source>Top up the account on the Wallet page, or book less capacity or fewer months.</source>
        <translation>Laden Sie das Konto auf der Seite Wallet auf, oder buchen Sie weniger Kapazität oder weniger Monate.</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>Falsches Passwort</translation>
    </message>
    <message>
        <source>The password does not unlock this account&apos;s key.</source>
        <translation>Das Passwort entsperrt den Schlüssel dieses Kontos nicht.</translation>
    </message>
    <message>
        <source>Check the password (is Caps Lock on?) and try again.</source>
        <translation>Prüfen Sie das Passwort (ist die Feststelltaste aktiv?) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Not enough free capacity</source>
        <translation>Nicht genug freie Kapazität</translation>
    </message>
    <message>
        <source>Only %1 TB can be booked in one cluster for the whole range.</source>
        <translation>Für den ganzen Zeitraum können in einem Cluster nur %1 TB gebucht werden.</translation>
    </message>
    <message>
        <source>Book less, choose another start month or duration, or widen the scope to the zone or region.</source>
        <translation>Buchen Sie weniger, wählen Sie einen anderen Startmonat oder eine andere Laufzeit, oder erweitern Sie den Bereich auf die Zone oder Region.</translation>
    </message>
    <message>
        <source>Size not accepted</source>
        <translation>Größe nicht akzeptiert</translation>
    </message>
    <message>
        <source>Sizes are whole TB, or PB with up to three decimals.</source>
        <translation>Größen sind ganze TB oder PB mit höchstens drei Nachkommastellen.</translation>
    </message>
    <message>
        <source>Signature refused</source>
        <translation>Signatur abgelehnt</translation>
    </message>
    <message>
        <source>The engine did not accept the signature.</source>
        <translation>Die Engine hat die Signatur nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Make sure the active account is the one whose password you entered.</source>
        <translation>Stellen Sie sicher, dass das aktive Konto das ist, dessen Passwort Sie eingegeben haben.</translation>
    </message>
    <message>
        <source>Dates not accepted</source>
        <translation>Zeitraum nicht akzeptiert</translation>
    </message>
    <message>
        <source>Pick a start month and a duration within the limits shown.</source>
        <translation>Wählen Sie Startmonat und Laufzeit innerhalb der angezeigten Grenzen.</translation>
    </message>
    <message>
        <source>Wallet locked</source>
        <translation>Wallet gesperrt</translation>
    </message>
    <message>
        <source>Enter the account&apos;s password.</source>
        <translation>Geben Sie das Passwort des Kontos ein.</translation>
    </message>
    <message>
        <source>The operation failed</source>
        <translation>Der Vorgang ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was changed. Error code: %1</source>
        <translation>Es wurde nichts geändert. Fehlercode: %1</translation>
    </message>
    <message>
        <source>Signed out of turn</source>
        <translation>Außer der Reihe signiert</translation>
    </message>
    <message>
        <source>Another transaction of this account was applied after this one was prepared, so its nonce is no longer the next one (expected %1, signed %2).</source>
        <translation>Nach der Vorbereitung dieser Transaktion wurde eine andere Transaktion dieses Kontos angewendet, daher ist ihre Nonce nicht mehr die nächste (erwartet %1, signiert %2).</translation>
    </message>
    <message>
        <source>Review it again and sign the new summary.</source>
        <translation>Prüfen Sie sie erneut und signieren Sie die neue Übersicht.</translation>
    </message>
</context>
<context>
    <name>icn::ui::FakeMarketService</name>
    <message>
        <source>status is %1</source>
        <translation>Status ist %1</translation>
    </message>
    <message>
        <source>bookings last at least %1 months</source>
        <translation>Buchungen dauern mindestens %1 Monate</translation>
    </message>
    <message>
        <source>accepts at most %1 months per booking</source>
        <translation>akzeptiert höchstens %1 Monate pro Buchung</translation>
    </message>
    <message>
        <source>bookings start next month at the earliest</source>
        <translation>Buchungen beginnen frühestens nächsten Monat</translation>
    </message>
    <message>
        <source>sells at most %1 months ahead</source>
        <translation>verkauft höchstens %1 Monate im Voraus</translation>
    </message>
    <message>
        <source>commitment ends %1</source>
        <translation>Verpflichtung endet %1</translation>
    </message>
    <message>
        <source>no free capacity in %1</source>
        <translation>keine freie Kapazität in %1</translation>
    </message>
    <message>
        <source>%1 can supply only %2 TB for the whole range.</source>
        <translation>%1 kann für den ganzen Zeitraum nur %2 TB liefern.</translation>
    </message>
    <message>
        <source>A service provider cannot pick a hardware node; book its cluster instead.</source>
        <translation>Ein Service-Anbieter kann keinen Hardware-Knoten wählen; buchen Sie stattdessen dessen Cluster.</translation>
    </message>
    <message>
        <source>There is no region, zone or cluster &quot;%1&quot;.</source>
        <translation>Es gibt keine Region, Zone oder keinen Cluster „%1“.</translation>
    </message>
    <message>
        <source>The size must be at least 1 TB.</source>
        <translation>Die Größe muss mindestens 1 TB betragen.</translation>
    </message>
    <message>
        <source>A booking lasts %1 to %2 months.</source>
        <translation>Eine Buchung dauert %1 bis %2 Monate.</translation>
    </message>
    <message>
        <source>A booking starts between %1 and %2.</source>
        <translation>Eine Buchung beginnt zwischen %1 und %2.</translation>
    </message>
    <message>
        <source>No cluster in %1 can supply %2 TB for the whole range; at most %3 TB is available.</source>
        <translation>Kein Cluster in %1 kann %2 TB für den ganzen Zeitraum liefern; höchstens %3 TB sind verfügbar.</translation>
    </message>
    <message>
        <source>no free capacity for the whole range</source>
        <translation>keine freie Kapazität für den ganzen Zeitraum</translation>
    </message>
    <message>
        <source>only %1 TB free on eligible nodes; a booking never spans clusters</source>
        <translation>nur %1 TB frei auf geeigneten Knoten; eine Buchung erstreckt sich nie über mehrere Cluster</translation>
    </message>
    <message>
        <source>%1 is cheaper for this booking</source>
        <translation>%1 ist für diese Buchung günstiger</translation>
    </message>
    <message>
        <source>not needed: cheaper or longer-committed nodes fill the booking</source>
        <translation>nicht nötig: günstigere oder länger verpflichtete Knoten füllen die Buchung</translation>
    </message>
    <message>
        <source>The signature does not match the SP account.</source>
        <translation>Die Signatur passt nicht zum SP-Konto.</translation>
    </message>
    <message>
        <source>The price changed since the quote.</source>
        <translation>Der Preis hat sich seit dem Angebot geändert.</translation>
    </message>
    <message>
        <source>The balance does not cover the total.</source>
        <translation>Das Guthaben deckt den Gesamtbetrag nicht.</translation>
    </message>
    <message>
        <source>%1 booked %2 TB in %3 for %4</source>
        <translation>%1: %2 TB in %3 für %4 gebucht</translation>
    </message>
    <message>
        <source>The transfer is not signed.</source>
        <translation>Die Überweisung ist nicht signiert.</translation>
    </message>
    <message>
        <source>The balance does not cover the amount.</source>
        <translation>Das Guthaben deckt den Betrag nicht.</translation>
    </message>
    <message>
        <source>In-memory demo data: nothing to check.</source>
        <translation>Demo-Daten im Arbeitsspeicher: nichts zu prüfen.</translation>
    </message>
    <message>
        <source>Transfer of %1 to %2</source>
        <translation>Überweisung von %1 an %2</translation>
    </message>
    <message>
        <source>Faucet paid %1 to %2</source>
        <translation>Faucet hat %1 an %2 ausgezahlt</translation>
    </message>
    <message>
        <source>Expected nonce %1, got %2.</source>
        <translation>Nonce %2 erhalten, erwartet war %1.</translation>
    </message>
    <message>
        <source>The deadline %1 has passed (current month %2).</source>
        <translation>Die Frist %1 ist abgelaufen (aktueller Monat %2).</translation>
    </message>
    <message>
        <source>under-collateralised: %1 deposited, %2 needed to serve</source>
        <translation>unzureichende Sicherheitsleistung: %1 hinterlegt, %2 zum Bedienen nötig</translation>
    </message>
</context>
<context>
    <name>icn::ui::FirstRunWizard</name>
    <message>
        <source>Welcome to ICN Desk</source>
        <translation>Willkommen bei ICN Desk</translation>
    </message>
</context>
<context>
    <name>icn::ui::FirstRunWizardNetworkPage</name>
    <message>
        <source>This snapshot cannot be used: %1 [%2]
Fix the file or choose another one.</source>
        <translation>Dieser Snapshot kann nicht verwendet werden: %1 [%2]
Korrigieren Sie die Datei oder wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>Choose a network</source>
        <translation>Netzwerk wählen</translation>
    </message>
    <message>
        <source>ICN Desk runs the marketplace rules on a local mirror of a network.</source>
        <translation>ICN Desk führt die Regeln des Marktplatzes auf einem lokalen Spiegel eines Netzwerks aus.</translation>
    </message>
    <message>
        <source>Open the &amp;demo network (recommended)</source>
        <translation>&amp;Demo-Netzwerk öffnen (empfohlen)</translation>
    </message>
    <message>
        <source>Regions, clusters and hardware nodes with realistic prices and capacity, ready to explore. Nothing you do there touches real ICNT.</source>
        <translation>Regionen, Cluster und Hardware-Knoten mit realistischen Preisen und Kapazitäten, bereit zum Erkunden. Nichts, was Sie dort tun, berührt echte ICNT.</translation>
    </message>
    <message>
        <source>&amp;Import a network snapshot</source>
        <translation>Netzwerk-Snapshot &amp;importieren</translation>
    </message>
    <message>
        <source>Snapshot file (.json)</source>
        <translation>Snapshot-Datei (.json)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>Checking the snapshot…</source>
        <translation>Der Snapshot wird geprüft …</translation>
    </message>
    <message>
        <source>Open network snapshot</source>
        <translation>Netzwerk-Snapshot öffnen</translation>
    </message>
    <message>
        <source>Network snapshots (*.json);;All files (*)</source>
        <translation>Netzwerk-Snapshots (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read the snapshot file “%1”.</source>
        <translation>Die Snapshot-Datei „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The check stopped without an answer.</source>
        <translation>Die Prüfung wurde ohne Antwort beendet.</translation>
    </message>
</context>
<context>
    <name>icn::ui::FirstRunWizardWelcomePage</name>
    <message>
        <source>Welcome to ICN Desk</source>
        <translation>Willkommen bei ICN Desk</translation>
    </message>
    <message>
        <source>Book storage capacity on the Impossible Cloud Network, price your hardware and watch the market, all against a local mirror of the protocol.</source>
        <translation>Buchen Sie Speicherkapazität im Impossible Cloud Network, bepreisen Sie Ihre Hardware und beobachten Sie den Markt – alles auf einem lokalen Spiegel des Protokolls.</translation>
    </message>
    <message>
        <source>ICN Desk keeps the network mirror and your encrypted wallet in this folder:</source>
        <translation>ICN Desk speichert den Netzwerkspiegel und Ihre verschlüsselte Wallet in diesem Ordner:</translation>
    </message>
    <message>
        <source>Start ICN Desk with --data-dir to use another folder.</source>
        <translation>Starten Sie ICN Desk mit --data-dir, um einen anderen Ordner zu verwenden.</translation>
    </message>
    <message>
        <source>Cannot create or write to the folder “%1”. Check its permissions, or start ICN Desk with --data-dir pointing elsewhere.</source>
        <translation>Der Ordner „%1“ kann nicht angelegt oder beschrieben werden. Prüfen Sie seine Berechtigungen, oder starten Sie ICN Desk mit --data-dir und einem anderen Ordner.</translation>
    </message>
</context>
<context>
    <name>icn::ui::ImportPrivateKeyDialog</name>
    <message>
        <source>Import a private key</source>
        <translation>Privaten Schlüssel importieren</translation>
    </message>
    <message>
        <source>The key is encrypted with your wallet password and stored in the wallet folder. Keep your own backup of it: it is not part of your recovery phrase.</source>
        <translation>Der Schlüssel wird mit Ihrem Wallet-Passwort verschlüsselt und im Wallet-Ordner gespeichert. Bewahren Sie eine eigene Sicherung davon auf: Er ist nicht Teil Ihrer Wiederherstellungsphrase.</translation>
    </message>
    <message>
        <source>64 hex digits, with or without 0x</source>
        <translation>64 Hex-Ziffern, mit oder ohne 0x</translation>
    </message>
    <message>
        <source>Imported account</source>
        <translation>Importiertes Konto</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privater &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Wallet &amp;password:</source>
        <translation>Wallet-&amp;Passwort:</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Geben Sie dem Konto einen Namen.</translation>
    </message>
    <message>
        <source>Type your wallet password.</source>
        <translation>Geben Sie Ihr Wallet-Passwort ein.</translation>
    </message>
    <message>
        <source>A private key is 64 hex digits (32 bytes), optionally starting with 0x.</source>
        <translation>Ein privater Schlüssel besteht aus 64 Hex-Ziffern (32 Byte), wahlweise mit vorangestelltem 0x.</translation>
    </message>
    <message>
        <source>This is not your wallet&apos;s password.</source>
        <translation>Das ist nicht das Passwort Ihrer Wallet.</translation>
    </message>
</context>
<context>
    <name>icn::ui::LocalMarketService</name>
    <message>
        <source>A service provider cannot pick a hardware node; book its cluster instead.</source>
        <translation>Ein Service-Anbieter kann keinen Hardware-Knoten wählen; buchen Sie stattdessen dessen Cluster.</translation>
    </message>
    <message>
        <source>status is %1</source>
        <translation>Status ist %1</translation>
    </message>
    <message>
        <source>accepts at most %1 months per booking</source>
        <translation>akzeptiert höchstens %1 Monate pro Buchung</translation>
    </message>
    <message>
        <source>sells at most %1 months ahead</source>
        <translation>verkauft höchstens %1 Monate im Voraus</translation>
    </message>
    <message>
        <source>commitment ends %1</source>
        <translation>Verpflichtung endet %1</translation>
    </message>
    <message>
        <source>no free capacity for the whole range</source>
        <translation>keine freie Kapazität für den ganzen Zeitraum</translation>
    </message>
    <message>
        <source>not needed: cheaper or longer-committed nodes fill the booking</source>
        <translation>nicht nötig: günstigere oder länger verpflichtete Knoten füllen die Buchung</translation>
    </message>
    <message>
        <source>%1 is cheaper for this booking</source>
        <translation>%1 ist für diese Buchung günstiger</translation>
    </message>
    <message>
        <source>Booking %1: %2 TB in %3 from %4 for %5 months, %6</source>
        <translation>Buchung %1: %2 TB in %3 ab %4 für %5 Monate, %6</translation>
    </message>
    <message>
        <source>Integrity: %1</source>
        <translation>Integrität: %1</translation>
    </message>
    <message>
        <source>Foreign key violations: %1</source>
        <translation>Fremdschlüsselverletzungen: %1</translation>
    </message>
    <message>
        <source>Genesis consistent: %1</source>
        <translation>Genesis konsistent: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Conservation: %1</source>
        <translation>Erhaltung: %1</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>gilt</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>verletzt</translation>
    </message>
    <message>
        <source>Replayed %1 log entries</source>
        <translation>%1 Protokolleinträge nachgespielt</translation>
    </message>
    <message>
        <source>Cannot create a scratch folder in %1: %2</source>
        <translation>In %1 kann kein Arbeitsordner angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot keep the current network as %1; nothing was changed.</source>
        <translation>Das aktuelle Netzwerk kann nicht als %1 gesichert werden; nichts wurde verändert.</translation>
    </message>
    <message>
        <source>Cannot move the new network into %1; the current network was kept.</source>
        <translation>Das neue Netzwerk kann nicht nach %1 verschoben werden; das aktuelle Netzwerk wurde beibehalten.</translation>
    </message>
    <message>
        <source>%1 already holds a network; the demo is only created in a fresh folder.</source>
        <translation>%1 enthält bereits ein Netzwerk; die Demo wird nur in einem neuen Ordner angelegt.</translation>
    </message>
    <message>
        <source>Sealed bid on tender %1 (bidder, HN and terms hidden until the award)</source>
        <translation>Versiegeltes Gebot auf Ausschreibung %1 (Bieter, HN und Bedingungen bis zum Zuschlag verborgen)</translation>
    </message>
    <message>
        <source>Bid on tender %1 for %2: %3 TB at %4</source>
        <translation>Gebot auf Ausschreibung %1 für %2: %3 TB zu %4</translation>
    </message>
    <message>
        <source>Sealed bid withdrawn from tender %1</source>
        <translation>Versiegeltes Gebot von Ausschreibung %1 zurückgezogen</translation>
    </message>
    <message>
        <source>Bid for %1 withdrawn from tender %2</source>
        <translation>Gebot für %1 von Ausschreibung %2 zurückgezogen</translation>
    </message>
    <message>
        <source>Sealed drop-out terms for reverse auction %1 (bidder, HN and terms hidden until the run)</source>
        <translation>Versiegelte Ausstiegsbedingungen für Rückwärtsauktion %1 (Bieter, HN und Bedingungen bis zum Auktionslauf verborgen)</translation>
    </message>
    <message>
        <source>Drop-out terms for %1 in reverse auction %2</source>
        <translation>Ausstiegsbedingungen für %1 in Rückwärtsauktion %2</translation>
    </message>
    <message>
        <source>Transfer of %1 to %2</source>
        <translation>Überweisung von %1 an %2</translation>
    </message>
    <message>
        <source>Faucet paid %1 to %2</source>
        <translation>Faucet hat %1 an %2 ausgezahlt</translation>
    </message>
    <message>
        <source>under-collateralised: %1 deposited, %2 needed to serve</source>
        <translation>unzureichende Sicherheitsleistung: %1 hinterlegt, %2 zum Bedienen nötig</translation>
    </message>
    <message>
        <source>no free capacity in %1: all %2 TB booked</source>
        <translation>keine freie Kapazität in %1: alle %2 TB gebucht</translation>
    </message>
    <message>
        <source>short in %1: only %2 TB free on eligible nodes that month (%3 TB asked); a booking never spans clusters</source>
        <translation>zu wenig in %1: in diesem Monat nur %2 TB frei auf geeigneten Knoten (%3 TB angefragt); eine Buchung erstreckt sich nie über mehrere Cluster</translation>
    </message>
    <message>
        <source>only %1 TB free on eligible nodes for the whole range; a booking never spans clusters</source>
        <translation>nur %1 TB frei auf geeigneten Knoten für den ganzen Zeitraum; eine Buchung erstreckt sich nie über mehrere Cluster</translation>
    </message>
    <message>
        <source>The open mirror&apos;s state differs from the stored log.</source>
        <translation>Der Zustand des geöffneten Spiegels weicht vom gespeicherten Protokoll ab.</translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) applied during the check are checked next time.</source>
        <translation>
            <numerusform>%n während der Prüfung angewendete Transaktion wird beim nächsten Mal geprüft.</numerusform>
            <numerusform>%n während der Prüfung angewendete Transaktionen werden beim nächsten Mal geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>The open mirror holds fewer transactions than the stored log.</source>
        <translation>Der geöffnete Spiegel enthält weniger Transaktionen als das gespeicherte Protokoll.</translation>
    </message>
</context>
<context>
    <name>icn::ui::MainWindow</name>
    <message>
        <source>ICN Desk</source>
        <translation>ICN Desk</translation>
    </message>
    <message>
        <source>Import network snapshot</source>
        <translation>Netzwerk-Snapshot importieren</translation>
    </message>
    <message>
        <source>Network snapshots (*.json);;All files (*)</source>
        <translation>Netzwerk-Snapshots (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Import network snapshot…</source>
        <translation>Netzwerk-Snapshot &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Quick search…</source>
        <translation>&amp;Schnellsuche …</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ICN Desk</source>
        <translation>&amp;Über ICN Desk</translation>
    </message>
    <message>
        <source>About ICN Desk</source>
        <translation>Über ICN Desk</translation>
    </message>
    <message>
        <source>ICN Desk %1

A desktop for the Impossible Cloud Network marketplace, running a local, deterministic mirror of the protocol&apos;s allocation and auction engine.

GPL-3.0-or-later.</source>
        <translation>ICN Desk %1

Ein Desktop für den Marktplatz des Impossible Cloud Network, mit einem lokalen, deterministischen Spiegel der Zuteilungs- und Auktions-Engine des Protokolls.

GPL-3.0-or-later.</translation>
    </message>
    <message>
        <source>Local mirror</source>
        <translation>Lokaler Spiegel</translation>
    </message>
    <message>
        <source>Everything here runs on a local, deterministic mirror of the protocol, not on the live network.</source>
        <translation>Alles hier läuft auf einem lokalen, deterministischen Spiegel des Protokolls, nicht im Live-Netzwerk.</translation>
    </message>
    <message>
        <source>No network open</source>
        <translation>Kein Netzwerk geöffnet</translation>
    </message>
    <message>
        <source>Network: %1</source>
        <translation>Netzwerk: %1</translation>
    </message>
    <message>
        <source>No active account</source>
        <translation>Kein aktives Konto</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert …</translation>
    </message>
    <message>
        <source>Snapshot imported.</source>
        <translation>Snapshot importiert.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Start a new local network?</source>
        <translation>Ein neues lokales Netzwerk starten?</translation>
    </message>
    <message>
        <source>Importing “%1” starts a new local network from that snapshot. Your bookings and activity on “%2” stay in a backup file in the data folder; they are not deleted.

Your wallet is not changed.</source>
        <translation>Der Import von „%1“ startet aus diesem Snapshot ein neues lokales Netzwerk. Ihre Buchungen und Aktivitäten in „%2“ bleiben in einer Sicherungsdatei im Datenordner erhalten; sie werden nicht gelöscht.

Ihre Wallet bleibt unverändert.</translation>
    </message>
    <message>
        <source>Snapshot not imported</source>
        <translation>Snapshot nicht importiert</translation>
    </message>
    <message>
        <source>%1
[%2]

The current network “%3” was not changed.</source>
        <translation>%1
[%2]

Das aktuelle Netzwerk „%3“ wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Snapshot imported; the previous network is kept in %1.</source>
        <translation>Snapshot importiert; das bisherige Netzwerk ist in %1 gesichert.</translation>
    </message>
    <message>
        <source>Month %1 · epoch %2 (%3)</source>
        <translation>Monat %1 · Epoche %2 (%3)</translation>
    </message>
</context>
<context>
    <name>icn::ui::MarketService</name>
    <message>
        <source>This service cannot import network snapshots.</source>
        <translation>Dieser Dienst kann keine Netzwerk-Snapshots importieren.</translation>
    </message>
</context>
<context>
    <name>icn::ui::MarketplacePage</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Network tree</source>
        <translation>Netzwerkbaum</translation>
    </message>
    <message>
        <source>Cluster tiles</source>
        <translation>Cluster-Kacheln</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marktplatz</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>Erster Monat</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Ab</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Number of months</source>
        <translation>Anzahl Monate</translation>
    </message>
    <message>
        <source>f&amp;or</source>
        <translation>f&amp;ür</translation>
    </message>
    <message>
        <source>Filter regions, zones, clusters, nodes…</source>
        <translation>Regionen, Zonen, Cluster, Knoten filtern …</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Tiles by</source>
        <translation>Kacheln nach</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Preis</translation>
    </message>
    <message>
        <source>&amp;Utilisation</source>
        <translation>A&amp;uslastung</translation>
    </message>
    <message>
        <source>&amp;Book…</source>
        <translation>&amp;Buchen …</translation>
    </message>
    <message>
        <source>Book capacity in the selected scope (Ctrl+B)</source>
        <translation>Kapazität im ausgewählten Bereich buchen (Strg+B)</translation>
    </message>
    <message>
        <source>SLA reliability</source>
        <translation>SLA-Zuverlässigkeit</translation>
    </message>
    <message>
        <source>%1 idle %2 full</source>
        <translation>%1 frei %2 voll</translation>
    </message>
    <message>
        <source>%1 cheapest %2 dearest</source>
        <translation>%1 am günstigsten %2 am teuersten</translation>
    </message>
    <message>
        <source>Select a region, zone, cluster or node</source>
        <translation>Wählen Sie eine Region, Zone, einen Cluster oder Knoten</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Hardware node</source>
        <translation>Hardware-Knoten</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 TB&lt;/b&gt; free of %2 TB from %3 to %4</source>
        <translation>&lt;b&gt;%1 TB&lt;/b&gt; von %2 TB frei von %3 bis %4</translation>
    </message>
    <message>
        <source>listed at &lt;b&gt;%1&lt;/b&gt; per TB-month</source>
        <translation>gelistet zu &lt;b&gt;%1&lt;/b&gt; pro TB-Monat</translation>
    </message>
    <message>
        <source>nothing listed for this range</source>
        <translation>für diesen Zeitraum nichts gelistet</translation>
    </message>
    <message>
        <source>price cap %1</source>
        <translation>Preisobergrenze %1</translation>
    </message>
    <message>
        <source>reservation price %1, %2, provider %3</source>
        <translation>Reservierungspreis %1, %2, Anbieter %3</translation>
    </message>
    <message>
        <source>Service providers book clusters, not single nodes: the protocol picks the nodes of %1 by price, commitment and reliability. &quot;Book…&quot; books cluster %1.</source>
        <translation>Service-Anbieter buchen Cluster, keine einzelnen Knoten: Das Protokoll wählt die Knoten von %1 nach Preis, Verpflichtung und Zuverlässigkeit. „Buchen …“ bucht den Cluster %1.</translation>
    </message>
    <message>
        <source>&amp;Book %1…</source>
        <translation>%1 &amp;buchen …</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Zuverlässigkeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reservation price</source>
        <translation>Reservierungspreis</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Mean reliability</source>
        <translation>Mittlere Zuverlässigkeit</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Listed price</source>
        <translation>Gelisteter Preis</translation>
    </message>
</context>
<context>
    <name>icn::ui::NetworkTreeModel</name>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>none free</source>
        <translation>nichts frei</translation>
    </message>
    <message>
        <source>%1, hardware provider %2. Service providers cannot pick a node: booking it books cluster %3.</source>
        <translation>%1, Hardware-Anbieter %2. Service-Anbieter können keinen Knoten wählen: Eine Buchung hier bucht den Cluster %3.</translation>
    </message>
    <message>
        <source>The best ask over free, eligible capacity, in ICNT per TB-month</source>
        <translation>Das beste Angebot über freie, geeignete Kapazität, in ICNT pro TB-Monat</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Listed price</source>
        <translation>Gelisteter Preis</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Zuverlässigkeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>icn::ui::PasswordStrengthMeter</name>
    <message>
        <source>Password strength</source>
        <translation>Passwortstärke</translation>
    </message>
    <message>
        <source>Too weak</source>
        <translation>Zu schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
</context>
<context>
    <name>icn::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>The wallet forgets its unlocked keys after this long without use.</source>
        <translation>Die Wallet vergisst ihre entsperrten Schlüssel nach dieser Zeit ohne Benutzung.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Lock the wallet &amp;after:</source>
        <translation>Wallet sperren &amp;nach:</translation>
    </message>
</context>
<context>
    <name>icn::ui::QuickSearch</name>
    <message>
        <source>Quick search</source>
        <translation>Schnellsuche</translation>
    </message>
    <message>
        <source>Jump to a region, zone, cluster, node, booking or account…</source>
        <translation>Zu Region, Zone, Cluster, Knoten, Buchung oder Konto springen …</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Zone in %1</source>
        <translation>Zone in %1</translation>
    </message>
    <message>
        <source>Cluster in %1</source>
        <translation>Cluster in %1</translation>
    </message>
    <message>
        <source>Hardware node in %1</source>
        <translation>Hardware-Knoten in %1</translation>
    </message>
    <message>
        <source>Booking of %1 TB in %2, %3 to %4</source>
        <translation>Buchung von %1 TB in %2, %3 bis %4</translation>
    </message>
    <message>
        <source>Wallet account %1</source>
        <translation>Wallet-Konto %1</translation>
    </message>
    <message>
        <source>Account %1: its transactions in Activity</source>
        <translation>Konto %1: seine Transaktionen unter Aktivität</translation>
    </message>
    <message>
        <source>%1, held by %2</source>
        <translation>%1, Inhaber: %2</translation>
    </message>
</context>
<context>
    <name>icn::ui::ReceiveDialog</name>
    <message>
        <source>Receive ICNT — %1</source>
        <translation>ICNT empfangen – %1</translation>
    </message>
    <message>
        <source>Send ICNT to this address. It is the same address in the local mirror and on Base, where ICNT is an ERC-20 token.</source>
        <translation>Senden Sie ICNT an diese Adresse. Es ist dieselbe Adresse im lokalen Spiegel und auf Base, wo ICNT ein ERC-20-Token ist.</translation>
    </message>
    <message>
        <source>&amp;Copy address</source>
        <translation>Adresse &amp;kopieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is the public demo key.&lt;/b&gt; Anyone can spend what it holds: never send real ICNT here.</source>
        <translation>&lt;b&gt;Dies ist der öffentliche Demo-Schlüssel.&lt;/b&gt; Jeder kann das Guthaben darauf ausgeben: Senden Sie niemals echte ICNT an diese Adresse.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>icn::ui::RevealMnemonicDialog</name>
    <message>
        <source>Recovery phrase</source>
        <translation>Wiederherstellungsphrase</translation>
    </message>
    <message>
        <source>Anyone who sees these words can take every account derived from them. Make sure nobody is watching your screen, then type your wallet password.</source>
        <translation>Wer diese Wörter sieht, kann jedes daraus abgeleitete Konto übernehmen. Stellen Sie sicher, dass niemand Ihren Bildschirm sieht, und geben Sie dann Ihr Wallet-Passwort ein.</translation>
    </message>
    <message>
        <source>&amp;Show words</source>
        <translation>Wörter &amp;anzeigen</translation>
    </message>
</context>
<context>
    <name>icn::ui::SendDialog</name>
    <message>
        <source>Send ICNT</source>
        <translation>ICNT senden</translation>
    </message>
    <message>
        <source>A signed transfer inside the local mirror. It does not move ICNT on Base.</source>
        <translation>Eine signierte Überweisung innerhalb des lokalen Spiegels. Sie bewegt keine ICNT auf Base.</translation>
    </message>
    <message>
        <source>ICNT</source>
        <translation>ICNT</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Guthaben:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Betrag:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>The recipient is not a valid address: %1</source>
        <translation>Der Empfänger ist keine gültige Adresse: %1</translation>
    </message>
    <message>
        <source>The amount is not valid: %1</source>
        <translation>Der Betrag ist ungültig: %1</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>Geben Sie einen Betrag über null ein.</translation>
    </message>
    <message>
        <source>The amount is more than the balance of %1.</source>
        <translation>Der Betrag übersteigt das Guthaben von %1.</translation>
    </message>
    <message>
        <source>Type your wallet password to sign the transfer.</source>
        <translation>Geben Sie Ihr Wallet-Passwort ein, um die Überweisung zu signieren.</translation>
    </message>
</context>
<context>
    <name>icn::ui::SignBaseTransferDialog</name>
    <message>
        <source>Sign an ICNT transfer for Base</source>
        <translation>ICNT-Überweisung für Base signieren</translation>
    </message>
    <message>
        <source>Signs offline: nothing is sent. Broadcast the raw transaction with a Base node or a block explorer. Take the nonce and fees from your Base wallet or explorer.</source>
        <translation>Signiert offline: Es wird nichts gesendet. Senden Sie die Rohtransaktion über einen Base-Knoten oder einen Block-Explorer ins Netz. Nonce und Gebühren entnehmen Sie Ihrer Base-Wallet oder dem Explorer.</translation>
    </message>
    <message>
        <source>ICNT (ERC-20) on Base, chain %1</source>
        <translation>ICNT (ERC-20) auf Base, Chain %1</translation>
    </message>
    <message>
        <source>ICNT</source>
        <translation>ICNT</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>Vertrag:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Amount (ICNT):</source>
        <translation>&amp;Betrag (ICNT):</translation>
    </message>
    <message>
        <source>&amp;Nonce:</source>
        <translation>&amp;Nonce:</translation>
    </message>
    <message>
        <source>Max &amp;fee per gas (gwei):</source>
        <translation>Max. &amp;Gebühr pro Gas (gwei):</translation>
    </message>
    <message>
        <source>&amp;Priority fee per gas (gwei):</source>
        <translation>&amp;Prioritätsgebühr pro Gas (gwei):</translation>
    </message>
    <message>
        <source>&amp;Gas limit:</source>
        <translation>Gas-&amp;Limit:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <source>Signed transaction</source>
        <translation>Signierte Transaktion</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>Spei&amp;chern …</translation>
    </message>
    <message>
        <source>Hash:</source>
        <translation>Hash:</translation>
    </message>
    <message>
        <source>Give the fee in gwei, with at most 9 decimals (for example 0.05).</source>
        <translation>Geben Sie die Gebühr in gwei an, mit höchstens 9 Nachkommastellen (zum Beispiel 0,05).</translation>
    </message>
    <message>
        <source>The recipient is not a valid address: %1</source>
        <translation>Der Empfänger ist keine gültige Adresse: %1</translation>
    </message>
    <message>
        <source>Enter an amount of ICNT above zero, with at most 18 decimals.</source>
        <translation>Geben Sie einen ICNT-Betrag über null ein, mit höchstens 18 Nachkommastellen.</translation>
    </message>
    <message>
        <source>The nonce is a whole number: the count of transactions this address sent on Base.</source>
        <translation>Die Nonce ist eine ganze Zahl: die Anzahl der Transaktionen, die diese Adresse auf Base gesendet hat.</translation>
    </message>
    <message>
        <source>The gas limit is a whole number of at least 21000 (an ERC-20 transfer needs about 65000).</source>
        <translation>Das Gas-Limit ist eine ganze Zahl von mindestens 21000 (eine ERC-20-Überweisung braucht etwa 65000).</translation>
    </message>
    <message>
        <source>The priority fee cannot be above the max fee.</source>
        <translation>Die Prioritätsgebühr darf nicht über der Höchstgebühr liegen.</translation>
    </message>
    <message>
        <source>Type your wallet password to sign.</source>
        <translation>Geben Sie zum Signieren Ihr Wallet-Passwort ein.</translation>
    </message>
    <message>
        <source>Save raw transaction</source>
        <translation>Rohtransaktion speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot save “%1”: %2</source>
        <translation>„%1“ kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>icn::ui::StatusText</name>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>HN status</comment>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Jailed</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Offboarded</source>
        <translation>Ausgeschieden</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>booking status</comment>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Faucet</source>
        <translation>Faucet</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>Month close</source>
        <translation>Monatsabschluss</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>HN registration</source>
        <translation>HN-Registrierung</translation>
    </message>
    <message>
        <source>HN price</source>
        <translation>HN-Preis</translation>
    </message>
    <message>
        <source>Collateral deposit</source>
        <translation>Einzahlung der Sicherheitsleistung</translation>
    </message>
    <message>
        <source>Collateral withdrawal</source>
        <translation>Auszahlung der Sicherheitsleistung</translation>
    </message>
    <message>
        <source>Commitment extension</source>
        <translation>Verlängerung der Verpflichtung</translation>
    </message>
    <message>
        <source>HN offboarding</source>
        <translation>Ausscheiden eines HN</translation>
    </message>
    <message>
        <source>Oracle registration</source>
        <translation>Orakel-Registrierung</translation>
    </message>
    <message>
        <source>SLA reports</source>
        <translation>SLA-Berichte</translation>
    </message>
    <message>
        <source>SLA reports (batch)</source>
        <translation>SLA-Berichte (Stapel)</translation>
    </message>
    <message>
        <source>Epoch close</source>
        <translation>Epochenabschluss</translation>
    </message>
    <message>
        <source>Compensation claim</source>
        <translation>Entschädigungsforderung</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Ausschreibung</translation>
    </message>
    <message>
        <source>Tender bid</source>
        <translation>Gebot auf Ausschreibung</translation>
    </message>
    <message>
        <source>Bid withdrawal</source>
        <translation>Gebotsrücknahme</translation>
    </message>
    <message>
        <source>Tender award</source>
        <translation>Zuschlag der Ausschreibung</translation>
    </message>
    <message>
        <source>Reverse auction</source>
        <translation>Rückwärtsauktion</translation>
    </message>
    <message>
        <source>Drop-out terms</source>
        <translation>Ausstiegsbedingungen</translation>
    </message>
    <message>
        <source>Auction run</source>
        <translation>Auktionslauf</translation>
    </message>
</context>
<context>
    <name>icn::ui::TransactionDetailsDialog</name>
    <message>
        <source>Transaction %1</source>
        <translation>Transaktion %1</translation>
    </message>
    <message>
        <source>Sequence:</source>
        <translation>Sequenznummer:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Signer:</source>
        <translation>Unterzeichner:</translation>
    </message>
    <message>
        <source>none (local transaction)</source>
        <translation>keiner (lokale Transaktion)</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>State hash:</source>
        <translation>Zustands-Hash:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Zusammenfassung:</translation>
    </message>
    <message>
        <source>The service gave no decoded form for this transaction.</source>
        <translation>Der Dienst hat für diese Transaktion keine decodierte Form geliefert.</translation>
    </message>
    <message>
        <source>Decoded transaction:</source>
        <translation>Decodierte Transaktion:</translation>
    </message>
</context>
<context>
    <name>icn::ui::WalletPage</name>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Bei Inaktivität sperren nach</translation>
    </message>
    <message>
        <source>There are no accounts in this wallet yet. Create one, restore one from a recovery phrase or a keystore file, or use the demo account.</source>
        <translation>Diese Wallet enthält noch keine Konten. Erstellen Sie eines, stellen Sie eines aus einer Wiederherstellungsphrase oder einer Keystore-Datei wieder her, oder verwenden Sie das Demo-Konto.</translation>
    </message>
    <message>
        <source>&amp;Set up wallet…</source>
        <translation>Wallet &amp;einrichten …</translation>
    </message>
    <message>
        <source>&amp;New account</source>
        <translation>&amp;Neues Konto</translation>
    </message>
    <message>
        <source>Next account from the recovery phrase…</source>
        <translation>Nächstes Konto aus der Wiederherstellungsphrase …</translation>
    </message>
    <message>
        <source>Import a private key…</source>
        <translation>Privaten Schlüssel importieren …</translation>
    </message>
    <message>
        <source>Create, restore or import with the wallet wizard…</source>
        <translation>Mit dem Wallet-Assistenten erstellen, wiederherstellen oder importieren …</translation>
    </message>
    <message>
        <source>&amp;Receive…</source>
        <translation>E&amp;mpfangen …</translation>
    </message>
    <message>
        <source>S&amp;end…</source>
        <translation>&amp;Senden …</translation>
    </message>
    <message>
        <source>Sign for &amp;Base…</source>
        <translation>Für &amp;Base signieren …</translation>
    </message>
    <message>
        <source>Rena&amp;me</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>E&amp;xport keystore…</source>
        <translation>Keystore e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>Ent&amp;fernen …</translation>
    </message>
    <message>
        <source>Show recovery &amp;phrase…</source>
        <translation>Wiederherstellungs&amp;phrase anzeigen …</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Entsperrt</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>Sper&amp;ren</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>En&amp;tsperren …</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <source>Type your wallet password to derive and encrypt the next account.</source>
        <translation>Geben Sie Ihr Wallet-Passwort ein, um das nächste Konto abzuleiten und zu verschlüsseln.</translation>
    </message>
    <message>
        <source>It can be derived again from your recovery phrase.</source>
        <translation>Es kann aus Ihrer Wiederherstellungsphrase erneut abgeleitet werden.</translation>
    </message>
    <message>
        <source>Without an exported keystore file or its private key, it is gone for good, along with any ICNT it holds.</source>
        <translation>Ohne eine exportierte Keystore-Datei oder seinen privaten Schlüssel ist es endgültig verloren, samt allen ICNT darauf.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove “%1” (%2) from this wallet? Its encrypted key file is deleted. %3</source>
        <translation>„%1“ (%2) aus dieser Wallet entfernen? Seine verschlüsselte Schlüsseldatei wird gelöscht. %3</translation>
    </message>
    <message>
        <source>Export keystore</source>
        <translation>Keystore exportieren</translation>
    </message>
    <message>
        <source>Keystore files (*.json)</source>
        <translation>Keystore-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Unlock wallet</source>
        <translation>Wallet entsperren</translation>
    </message>
    <message>
        <source>Type your wallet password. The keys stay unlocked until you lock the wallet or leave it idle.</source>
        <translation>Geben Sie Ihr Wallet-Passwort ein. Die Schlüssel bleiben entsperrt, bis Sie die Wallet sperren oder sie eine Weile nicht benutzen.</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Account history</source>
        <translation>Kontoverlauf</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>&amp;History of %1</source>
        <translation>&amp;Verlauf von %1</translation>
    </message>
    <message>
        <source>No network is open, so there is no history to show.</source>
        <translation>Es ist kein Netzwerk geöffnet, daher gibt es keinen Verlauf.</translation>
    </message>
    <message>
        <source>Select an account to see its transactions.</source>
        <translation>Wählen Sie ein Konto, um seine Transaktionen zu sehen.</translation>
    </message>
    <message>
        <source>Searching the log…</source>
        <translation>Protokoll wird durchsucht …</translation>
    </message>
    <message>
        <source>This network cannot list an account&apos;s transactions.</source>
        <translation>Dieses Netzwerk kann die Transaktionen eines Kontos nicht auflisten.</translation>
    </message>
    <message>
        <source>No transactions yet: transfers, faucet payments and bookings of this account appear here.</source>
        <translation>Noch keine Transaktionen: Überweisungen, Faucet-Auszahlungen und Buchungen dieses Kontos erscheinen hier.</translation>
    </message>
    <message>
        <source>The newest %1 of %2 transactions.</source>
        <translation>Die neuesten %1 von %2 Transaktionen.</translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s)</source>
        <translation>
            <numerusform>%n Transaktion</numerusform>
            <numerusform>%n Transaktionen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>icn::ui::WalletService</name>
    <message>
        <source>The wallet is still busy with the previous operation.</source>
        <translation>Die Wallet ist noch mit dem vorherigen Vorgang beschäftigt.</translation>
    </message>
    <message>
        <source>This is not the password the wallet already uses.</source>
        <translation>Das ist nicht das Passwort, das die Wallet bereits verwendet.</translation>
    </message>
    <message>
        <source>There is no account %1 in this wallet.</source>
        <translation>In dieser Wallet gibt es kein Konto %1.</translation>
    </message>
    <message>
        <source>The wallet is locked: type your password.</source>
        <translation>Die Wallet ist gesperrt: Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Account %1 is already in the wallet.</source>
        <translation>Das Konto %1 ist bereits in der Wallet.</translation>
    </message>
    <message>
        <source>This wallet already has a recovery phrase. Remove its accounts first, or import this one into a new data folder.</source>
        <translation>Diese Wallet hat bereits eine Wiederherstellungsphrase. Entfernen Sie zuerst ihre Konten, oder importieren Sie die neue Phrase in einen neuen Datenordner.</translation>
    </message>
    <message>
        <source>Unknown wallet request.</source>
        <translation>Unbekannte Wallet-Anfrage.</translation>
    </message>
    <message>
        <source>The wallet has no accounts yet.</source>
        <translation>Die Wallet hat noch keine Konten.</translation>
    </message>
    <message>
        <source>No network is open.</source>
        <translation>Es ist kein Netzwerk geöffnet.</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Geben Sie dem Konto einen Namen.</translation>
    </message>
</context>
<context>
    <name>icn::ui::WalletWizard</name>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>The keystore file&apos;s password is wrong (or the file was altered). Go Back and type it again.</source>
        <translation>Das Passwort der Keystore-Datei ist falsch (oder die Datei wurde verändert). Klicken Sie auf „Zurück“ und geben Sie es erneut ein.</translation>
    </message>
    <message>
        <source>Your wallet already has accounts: use the password that protects them, so one password unlocks the whole wallet.</source>
        <translation>Ihre Wallet hat bereits Konten: Verwenden Sie das Passwort, das sie schützt, damit ein Passwort die ganze Wallet entsperrt.</translation>
    </message>
    <message>
        <source>This wallet already has a recovery phrase. Add more accounts from it on the Wallet page, or import a keystore file instead.</source>
        <translation>Diese Wallet hat bereits eine Wiederherstellungsphrase. Fügen Sie auf der Seite Wallet weitere Konten daraus hinzu, oder importieren Sie stattdessen eine Keystore-Datei.</translation>
    </message>
    <message>
        <source>This account is already in your wallet.</source>
        <translation>Dieses Konto ist bereits in Ihrer Wallet.</translation>
    </message>
    <message>
        <source>The wallet could not be set up: %1</source>
        <translation>Die Wallet konnte nicht eingerichtet werden: %1</translation>
    </message>
</context>
<context>
    <name>icn::ui::WalletWizardChoosePage</name>
    <message>
        <source>Set up your wallet</source>
        <translation>Wallet einrichten</translation>
    </message>
    <message>
        <source>Your wallet holds the keys that sign bookings and transfers. Choose how to set it up.</source>
        <translation>Ihre Wallet enthält die Schlüssel, mit denen Buchungen und Überweisungen signiert werden. Wählen Sie, wie Sie sie einrichten möchten.</translation>
    </message>
    <message>
        <source>&amp;Create a new wallet</source>
        <translation>Neue Wallet &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Restore from a recovery phrase (12 or 24 words)</source>
        <translation>Aus einer Wiederherstellungsphrase wieder&amp;herstellen (12 oder 24 Wörter)</translation>
    </message>
    <message>
        <source>Import a &amp;keystore file (JSON)</source>
        <translation>&amp;Keystore-Datei (JSON) importieren</translation>
    </message>
    <message>
        <source>Use the &amp;demo account (public test key, local mirror only)</source>
        <translation>&amp;Demo-Konto verwenden (öffentlicher Testschlüssel, nur lokaler Spiegel)</translation>
    </message>
    <message>
        <source>The demo account&apos;s key is derived from a public test phrase that anyone can use. It is fine for exploring the local mirror; never use it for real ICNT.</source>
        <translation>Der Schlüssel des Demo-Kontos wird aus einer öffentlichen Testphrase abgeleitet, die jeder verwenden kann. Zum Erkunden des lokalen Spiegels ist er geeignet; verwenden Sie ihn niemals für echte ICNT.</translation>
    </message>
</context>
<context>
    <name>icn::ui::WalletWizardConfirmPage</name>
    <message>
        <source>Confirm your recovery phrase</source>
        <translation>Wiederherstellungsphrase bestätigen</translation>
    </message>
    <message>
        <source>Type the words at the positions below, from what you wrote down.</source>
        <translation>Geben Sie anhand Ihrer Notizen die Wörter an den unten genannten Positionen ein.</translation>
    </message>
    <message>
        <source>Word #%1:</source>
        <translation>Wort #%1:</translation>
    </message>
    <message>
        <source>Word #%1 does not match your recovery phrase. Check what you wrote down (go Back to see the words again) and try once more.</source>
        <translation>Wort #%1 stimmt nicht mit Ihrer Wiederherstellungsphrase überein. Prüfen Sie Ihre Notizen (mit „Zurück“ sehen Sie die Wörter erneut) und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Words #%1 do not match your recovery phrase. Check what you wrote down (go Back to see the words again) and try once more.</source>
        <translation>Die Wörter #%1 stimmen nicht mit Ihrer Wiederherstellungsphrase überein. Prüfen Sie Ihre Notizen (mit „Zurück“ sehen Sie die Wörter erneut) und versuchen Sie es noch einmal.</translation>
    </message>
</context>
<context>
    <name>icn::ui::WalletWizardDemoPage</name>
    <message>
        <source>The demo account</source>
        <translation>Das Demo-Konto</translation>
    </message>
    <message>
        <source>A ready-made Service Provider account for exploring the local mirror.</source>
        <translation>Ein vorbereitetes Service-Anbieter-Konto zum Erkunden des lokalen Spiegels.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo account is the first account (BIP-44 path m/44&apos;/60&apos;/0&apos;/0/0) of the public test phrase “abandon abandon … about” that wallet libraries use in their examples.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Its private key is public.&lt;/b&gt; Anyone can sign with it. Use it only on the local mirror, never for real ICNT or on Base.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Demo-Konto ist das erste Konto (BIP-44-Pfad m/44&apos;/60&apos;/0&apos;/0/0) der öffentlichen Testphrase „abandon abandon … about“, die Wallet-Bibliotheken in ihren Beispielen verwenden.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sein privater Schlüssel ist öffentlich.&lt;/b&gt; Jeder kann damit signieren. Verwenden Sie es nur auf dem lokalen Spiegel, niemals für echte ICNT oder auf Base.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
</context>
<context>
    <name>icn::ui::WalletWizardImportKeystorePage</name>
    <message>
        <source>Import a keystore file</source>
        <translation>Keystore-Datei importieren</translation>
    </message>
    <message>
        <source>Choose a Web3 keystore (JSON) file, as exported by ICN Desk, geth or MetaMask, and type the password it was saved with.</source>
        <translation>Wählen Sie eine Web3-Keystore-Datei (JSON), wie sie ICN Desk, geth oder MetaMask exportieren, und geben Sie das Passwort ein, mit dem sie gespeichert wurde.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>File &amp;password:</source>
        <translation>Datei-&amp;Passwort:</translation>
    </message>
    <message>
        <source>Open keystore file</source>
        <translation>Keystore-Datei öffnen</translation>
    </message>
    <message>
        <source>Keystore files (*.json);;All files (*)</source>
        <translation>Keystore-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>This file is too large to be a keystore.</source>
        <translation>Diese Datei ist zu groß für einen Keystore.</translation>
    </message>
    <message>
        <source>This is not a keystore file ICN Desk can read: %1</source>
        <translation>Dies ist keine Keystore-Datei, die ICN Desk lesen kann: %1</translation>
    </message>
</context>
<context>
    <name>icn::ui::WalletWizardImportMnemonicPage</name>
    <message>
        <source>Restore from a recovery phrase</source>
        <translation>Aus einer Wiederherstellungsphrase wiederherstellen</translation>
    </message>
    <message>
        <source>Type your 12, 15, 18, 21 or 24 words in order, separated by spaces.</source>
        <translation>Geben Sie Ihre 12, 15, 18, 21 oder 24 Wörter der Reihe nach ein, getrennt durch Leerzeichen.</translation>
    </message>
    <message>
        <source>The checksum of this phrase is wrong: a word is probably mistyped, missing or out of order. Compare it with what you wrote down, word by word.</source>
        <translation>Die Prüfsumme dieser Phrase ist falsch: Wahrscheinlich ist ein Wort vertippt, fehlt oder steht an der falschen Stelle. Vergleichen Sie sie Wort für Wort mit Ihren Notizen.</translation>
    </message>
    <message>
        <source>Word #%1 is not in the BIP-39 English word list. Check its spelling.</source>
        <translation>Wort #%1 steht nicht in der englischen BIP-39-Wortliste. Prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>A recovery phrase has 12, 15, 18, 21 or 24 words; this one has %1.</source>
        <translation>Eine Wiederherstellungsphrase hat 12, 15, 18, 21 oder 24 Wörter; diese hat %1.</translation>
    </message>
    <message>
        <source>This is not a valid recovery phrase: %1</source>
        <translation>Dies ist keine gültige Wiederherstellungsphrase: %1</translation>
    </message>
</context>
<context>
    <name>icn::ui::WalletWizardPasswordPage</name>
    <message>
        <source>Protect your wallet</source>
        <translation>Wallet schützen</translation>
    </message>
    <message>
        <source>The password encrypts your keys on this computer. ICN Desk cannot recover it; your recovery phrase can.</source>
        <translation>Das Passwort verschlüsselt Ihre Schlüssel auf diesem Computer. ICN Desk kann es nicht wiederherstellen; Ihre Wiederherstellungsphrase schon.</translation>
    </message>
    <message>
        <source>Deriving and encrypting your keys… this takes a few seconds.</source>
        <translation>Ihre Schlüssel werden abgeleitet und verschlüsselt … das dauert einige Sekunden.</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Konto&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort wieder&amp;holen:</translation>
    </message>
    <message>
        <source>Type the password that already protects your wallet: one password unlocks every account.</source>
        <translation>Geben Sie das Passwort ein, das Ihre Wallet bereits schützt: Ein Passwort entsperrt alle Konten.</translation>
    </message>
    <message>
        <source>Demo SP (public test key)</source>
        <translation>Demo-SP (öffentlicher Testschlüssel)</translation>
    </message>
    <message>
        <source>Imported account</source>
        <translation>Importiertes Konto</translation>
    </message>
    <message>
        <source>Account 1</source>
        <translation>Konto 1</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Die beiden Passwörter unterscheiden sich. Geben Sie zweimal dasselbe Passwort ein.</translation>
    </message>
    <message>
        <source>This password is too easy to guess. Use at least 8 characters; longer passphrases or a mix of letters, digits and symbols are stronger.</source>
        <translation>Dieses Passwort ist zu leicht zu erraten. Verwenden Sie mindestens 8 Zeichen; längere Passphrasen oder eine Mischung aus Buchstaben, Ziffern und Sonderzeichen sind sicherer.</translation>
    </message>
</context>
<context>
    <name>icn::ui::WalletWizardShowMnemonicPage</name>
    <message>
        <source>Write down your recovery phrase</source>
        <translation>Wiederherstellungsphrase aufschreiben</translation>
    </message>
    <message>
        <source>These 24 words are the only way to restore your wallet. Write them on paper in this order and keep them offline. Anyone who has them controls your ICNT.</source>
        <translation>Diese 24 Wörter sind die einzige Möglichkeit, Ihre Wallet wiederherzustellen. Schreiben Sie sie in dieser Reihenfolge auf Papier und bewahren Sie sie offline auf. Wer sie besitzt, verfügt über Ihre ICNT.</translation>
    </message>
    <message>
        <source>I have &amp;written down all 24 words in order</source>
        <translation>Ich habe alle 24 Wörter der Reihe nach &amp;aufgeschrieben</translation>
    </message>
    <message>
        <source>Could not create a recovery phrase: %1</source>
        <translation>Es konnte keine Wiederherstellungsphrase erzeugt werden: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop for the Impossible Cloud Network marketplace.</source>
        <translation>Desktop für den Marktplatz des Impossible Cloud Network.</translation>
    </message>
    <message>
        <source>Start on the embedded demo network.</source>
        <translation>Mit dem eingebauten Demo-Netzwerk starten.</translation>
    </message>
    <message>
        <source>Keep the database, wallet and settings in &lt;dir&gt;.</source>
        <translation>Datenbank, Wallet und Einstellungen in &lt;dir&gt; ablegen.</translation>
    </message>
    <message>
        <source>Write a PNG of every page and wizard step into &lt;dir&gt;, then quit.</source>
        <translation>Ein PNG jeder Seite und jedes Assistentenschritts nach &lt;dir&gt; schreiben, dann beenden.</translation>
    </message>
    <message>
        <source>Use the small in-memory demo network (nothing is stored; demo password &quot;demo&quot;).</source>
        <translation>Das kleine Demo-Netzwerk im Arbeitsspeicher verwenden (nichts wird gespeichert; Demo-Passwort „demo“).</translation>
    </message>
</context>
</TS>
