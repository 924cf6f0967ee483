<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>Ask ladder (ICNT per TB-month)</source>
        <translation>Angebotsleiter (ICNT pro TB-Monat)</translation>
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
        <source>Your password decrypts the account's key for this one signature; the key is wiped afterwards.</source>
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
        <source>The password does not unlock this account's key.</source>
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
        <source>Enter the account's password.</source>
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
        <source>There is no region, zone or cluster "%1".</source>
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
        <source>Transfer of %1</source>
        <translation>Überweisung von %1</translation>
    </message>
    <message>
        <source>Faucet paid %1</source>
        <translation>Faucet hat %1 ausgezahlt</translation>
    </message>
    <message>
        <source>In-memory demo data: nothing to check.</source>
        <translation>Demo-Daten im Arbeitsspeicher: nichts zu prüfen.</translation>
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
        <source>collateral below the jail threshold</source>
        <translation>Sicherheitsleistung unter der Sperrschwelle</translation>
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
        <source>only %1 TB free on eligible nodes; a booking never spans clusters</source>
        <translation>nur %1 TB frei auf geeigneten Knoten; eine Buchung erstreckt sich nie über mehrere Cluster</translation>
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

A desktop for the Impossible Cloud Network marketplace, running a local, deterministic mirror of the protocol's allocation and auction engine.

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
        <source>Month %1 · epoch %2</source>
        <translation>Monat %1 · Epoche %2</translation>
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
        <translation>&amp;Einstellungen…</translation>
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
        <source>Service providers book clusters, not single nodes: the protocol picks the nodes of %1 by price, commitment and reliability. "Book…" books cluster %1.</source>
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
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>Booking of %1 TB in %2, %3 to %4</source>
        <translation>Buchung von %1 TB in %2, %3 bis %4</translation>
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
        <source>Use the small in-memory demo network (nothing is stored; demo password "demo").</source>
        <translation>Das kleine Demo-Netzwerk im Arbeitsspeicher verwenden (nichts wird gespeichert; Demo-Passwort „demo“).</translation>
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
    <name>icn::ui::FirstRunWizardNetworkPage</name>
    <message>
        <source>This snapshot cannot be used: %1 [%2]
Fix the file or choose another one.</source>
        <translation>Dieser Snapshot kann nicht verwendet werden: %1 [%2]
Korrigieren Sie die Datei oder wählen Sie eine andere.</translation>
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
</context>
</TS>
