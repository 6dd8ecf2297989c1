<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <location filename="../app/perimeter/main.cpp" line="93" />
        <source>Welcome to Perimeter. This first run uses the demo configuration: the gateway listens on 127.0.0.1:8080 and its two upstreams are simulated model servers (start them with installer/dev-setup.sh run). Open your own configuration with --config FILE.</source>
        <translation>Willkommen bei Perimeter. Dieser erste Start verwendet die Demo-Konfiguration: Das Gateway lauscht auf 127.0.0.1:8080, seine beiden Upstreams sind simulierte Modellserver (starten Sie sie mit installer/dev-setup.sh run). Eine eigene Konfiguration öffnen Sie mit --config DATEI.</translation>
    </message>
</context>
<context>
    <name>perimeter::service::GatewayService</name>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="89" />
        <source>The gateway is already running or busy; stop it first.</source>
        <translation>Das Gateway läuft bereits oder ist beschäftigt; stoppen Sie es zuerst.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="104" />
        <source>The configuration %1 cannot be used:
%2</source>
        <translation>Die Konfiguration %1 kann nicht verwendet werden:
%2</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="108" />
        <source>The gateway cannot be created: %1</source>
        <translation>Das Gateway kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="222" />
        <location filename="../core/service/GatewayService.cpp" line="233" />
        <source>The gateway is not running; start it to simulate.</source>
        <translation>Das Gateway läuft nicht; starten Sie es, um zu simulieren.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="273" />
        <location filename="../core/service/GatewayService.cpp" line="293" />
        <location filename="../core/service/GatewayService.cpp" line="522" />
        <location filename="../core/service/GatewayService.cpp" line="558" />
        <location filename="../core/service/GatewayService.cpp" line="569" />
        <source>No audit trail is open yet: start the gateway first.</source>
        <translation>Noch kein Audit-Protokoll geöffnet: Starten Sie zuerst das Gateway.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="371" />
        <source>The gateway is not running; start it to change its policy.</source>
        <translation>Das Gateway läuft nicht; starten Sie es, um seine Richtlinie zu ändern.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="373" />
        <source>The configuration uses the built-in default policy; set &quot;policy&quot; to a file in the configuration to edit it here.</source>
        <translation>Die Konfiguration verwendet die eingebaute Standardrichtlinie; setzen Sie „policy“ in der Konfiguration auf eine Datei, um sie hier zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="375" />
        <source>Another policy change is still in progress.</source>
        <translation>Eine andere Richtlinienänderung läuft noch.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="385" />
        <source>rollback to #%1</source>
        <translation>Zurücksetzen auf #%1</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="392" />
        <source>The policy history cannot be opened: %1</source>
        <translation>Der Richtlinienverlauf kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="400" />
        <source>Version #%1 is not in the history: %2</source>
        <translation>Version #%1 ist nicht im Verlauf: %2</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="408" />
        <source>The policy is invalid; the active policy stays in force.</source>
        <translation>Die Richtlinie ist ungültig; die aktive Richtlinie bleibt in Kraft.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="416" />
        <source>Cannot write the policy file %1: %2</source>
        <translation>Die Richtliniendatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="431" />
        <source>The gateway stopped; the policy file was written and applies at the next start.</source>
        <translation>Das Gateway wurde gestoppt; die Richtliniendatei ist geschrieben und gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="452" />
        <location filename="../core/service/GatewayService.cpp" line="473" />
        <source>No policy history is open yet: start the gateway first.</source>
        <translation>Noch kein Richtlinienverlauf geöffnet: Starten Sie zuerst das Gateway.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="603" />
        <source>The gateway is not running; start it to see and manage its models.</source>
        <translation>Das Gateway läuft nicht; starten Sie es, um seine Modelle zu sehen und zu verwalten.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="615" />
        <source>The gateway is not running; start it to change its models.</source>
        <translation>Das Gateway läuft nicht; starten Sie es, um seine Modelle zu ändern.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="638" />
        <source>The gateway is not running; start it to see the model history.</source>
        <translation>Das Gateway läuft nicht; starten Sie es, um den Modellverlauf zu sehen.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::AuditTableModel</name>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="51" />
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="53" />
        <source>Flagged</source>
        <translation>Beanstandet</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="76" />
        <source>(anonymous)</source>
        <translation>(anonym)</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="79" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="94" />
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="95" />
        <source>%1 by %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="121" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="122" />
        <source>Caller</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="123" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="124" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="125" />
        <source>Tier</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="126" />
        <source>Level</source>
        <translation>Schutzstufe</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="127" />
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="128" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="129" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="130" />
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::DashboardPage</name>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="217" />
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="218" />
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="219" />
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="220" />
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="221" />
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="222" />
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="223" />
        <source>Refresh every few seconds while the dashboard is shown</source>
        <translation>Alle paar Sekunden aktualisieren, solange das Dashboard angezeigt wird</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="224" />
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="225" />
        <source>Requests over time by tier</source>
        <translation>Anfragen im Zeitverlauf nach Ebene</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="226" />
        <location filename="../ui/DashboardPage.cpp" line="238" />
        <location filename="../ui/DashboardPage.cpp" line="442" />
        <location filename="../ui/DashboardPage.cpp" line="520" />
        <source>On-prem</source>
        <translation>On-Prem</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="227" />
        <location filename="../ui/DashboardPage.cpp" line="239" />
        <location filename="../ui/DashboardPage.cpp" line="442" />
        <location filename="../ui/DashboardPage.cpp" line="520" />
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="228" />
        <source>Not routed</source>
        <translation>Nicht geroutet</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="229" />
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="230" />
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="231" />
        <source>Sensitivity mix</source>
        <translation>Verteilung der Schutzstufen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="232" />
        <source>Top rejection and failure reasons</source>
        <translation>Häufigste Ablehnungs- und Fehlergründe</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="233" />
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="234" />
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="235" />
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="236" />
        <source>Latency percentiles by tier</source>
        <translation>Latenz-Perzentile nach Ebene</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="237" />
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="240" />
        <source>&amp;Endpoint health</source>
        <translation>&amp;Endpunkt-Zustand</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="241" />
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="241" />
        <source>Tier</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="241" />
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="241" />
        <source>In flight</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="241" />
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="358" />
        <source>Cannot read the audit trail: %1</source>
        <translation>Das Audit-Protokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DashboardPage.cpp" line="363" />
        <source>%n request(s) in the period</source>
        <translation>
            <numerusform>%n Anfrage im Zeitraum</numerusform>
            <numerusform>%n Anfragen im Zeitraum</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="364" />
        <source>%1 rejected, %2 failed</source>
        <translation>%1 abgelehnt, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="389" />
        <source>routed</source>
        <translation>geroutet</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="389" />
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="389" />
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="404" />
        <source>not classified</source>
        <translation>nicht klassifiziert</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="431" />
        <location filename="../ui/DashboardPage.cpp" line="483" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="493" />
        <source>Cost by team and tier (%1)</source>
        <translation>Kosten nach Team und Ebene (%1)</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="497" />
        <source>Total %1 %2: on-prem %3, cloud %4.</source>
        <translation>Gesamt %1 %2: On-Prem %3, Cloud %4.</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="507" />
        <source>Records in other currencies are left out.</source>
        <translation>Einträge in anderen Währungen sind nicht enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="508" />
        <source>cost %1 %2</source>
        <translation>Kosten %1 %2</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="477" />
        <source>(no team)</source>
        <translation>(kein Team)</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="501" />
        <source>on-prem at the blended rate of %1 %2 per 1M tokens</source>
        <translation>On-Prem zum Mischsatz von %1 %2 pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="504" />
        <source>no on-prem rate configured: on-prem requests cost nothing here</source>
        <translation>kein On-Prem-Satz konfiguriert: On-Prem-Anfragen kosten hier nichts</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="519" />
        <source>circuit open</source>
        <translation>Schutzschalter offen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="519" />
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="519" />
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="521" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="522" />
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="522" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="533" />
        <source>Recent failures opened the circuit breaker; the router skips this endpoint for now.</source>
        <translation>Fehler der letzten Zeit haben den Schutzschalter ausgelöst; der Router überspringt diesen Endpunkt vorerst.</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="330" />
        <source>No audit trail is open yet: start the gateway first.</source>
        <translation>Es ist noch kein Audit-Trail geöffnet: Starten Sie zuerst das Gateway.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::DecisionsPage</name>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="169" />
        <source>Filter by caller, team, model, reason, request id or finding type</source>
        <translation>Nach Aufrufer, Team, Modell, Grund, Anfrage-ID oder Fundtyp filtern</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="170" />
        <source>All tiers</source>
        <translation>Alle Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="171" />
        <source>On-prem</source>
        <translation>On-Prem</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="172" />
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="173" />
        <source>No tier</source>
        <translation>Keine Ebene</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="174" />
        <source>All decisions</source>
        <translation>Alle Entscheidungen</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="175" />
        <source>Routed</source>
        <translation>Geroutet</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="176" />
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="177" />
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="178" />
        <source>Any review state</source>
        <translation>Jeder Prüfstatus</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="179" />
        <source>Unreviewed</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="180" />
        <source>Flagged</source>
        <translation>Beanstandet</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="181" />
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="182" />
        <source>Review co&amp;mment:</source>
        <translation>Prüf&amp;kommentar:</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="183" />
        <source>what you checked, or what is wrong (required to flag)</source>
        <translation>was Sie geprüft haben oder was nicht stimmt (zum Beanstanden nötig)</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="184" />
        <source>Mark revie&amp;wed</source>
        <translation>Als geprüft ma&amp;rkieren</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="185" />
        <source>Record that you reviewed the selected decision (Ctrl+Shift+R)</source>
        <translation>Festhalten, dass Sie die gewählte Entscheidung geprüft haben (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="187" />
        <source>F&amp;lag</source>
        <translation>&amp;Beanstanden</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="188" />
        <source>Flag the selected decision for follow-up, with the comment (Ctrl+Shift+F)</source>
        <translation>Die gewählte Entscheidung mit dem Kommentar zur Nachverfolgung beanstanden (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="190" />
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="191" />
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="192" />
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="193" />
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="194" />
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="195" />
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="196" />
        <source>Read the audit trail again (F5)</source>
        <translation>Audit-Protokoll neu lesen (F5)</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="198" />
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="198" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="299" />
        <source>Select a decision first.</source>
        <translation>Wählen Sie zuerst eine Entscheidung.</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="304" />
        <source>Say in the comment what is wrong before flagging.</source>
        <translation>Schreiben Sie vor dem Beanstanden in den Kommentar, was nicht stimmt.</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="315" />
        <source>Not recorded: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="322" />
        <source>%1 flagged.</source>
        <translation>%1 beanstandet.</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="322" />
        <source>%1 marked as reviewed.</source>
        <translation>%1 als geprüft markiert.</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="350" />
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="393" />
        <source>Cannot read the audit trail: %1</source>
        <translation>Das Audit-Protokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DecisionsPage.cpp" line="395" />
        <source>%n decision(s) shown</source>
        <translation>
            <numerusform>%n Entscheidung angezeigt</numerusform>
            <numerusform>%n Entscheidungen angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DecisionsPage.cpp" line="396" />
        <source>%n in the period</source>
        <translation>
            <numerusform>%n im Zeitraum</numerusform>
            <numerusform>%n im Zeitraum</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="407" />
        <source>Select a decision to see its details.</source>
        <translation>Wählen Sie eine Entscheidung, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="412" />
        <source>Request id</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="413" />
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="414" />
        <source>Caller</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="415" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="416" />
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="417" />
        <source>Model requested</source>
        <translation>Angefragtes Modell</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="418" />
        <source>Model served</source>
        <translation>Bedienendes Modell</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="419" />
        <source>Tier</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="420" />
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="421" />
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="422" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="423" />
        <source>Sensitivity</source>
        <translation>Schutzstufe</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="427" />
        <source>Finding types</source>
        <translation>Fundtypen</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="427" />
        <location filename="../ui/DecisionsPage.cpp" line="434" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="428" />
        <source>Policy version</source>
        <translation>Richtlinienversion</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="429" />
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="430" />
        <source>Tokens in / out</source>
        <translation>Tokens ein / aus</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="431" />
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="431" />
        <location filename="../ui/DecisionsPage.cpp" line="432" />
        <location filename="../ui/DecisionsPage.cpp" line="433" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="432" />
        <source>Upstream time</source>
        <translation>Upstream-Zeit</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="432" />
        <source>no upstream call</source>
        <translation>kein Upstream-Aufruf</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="433" />
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="433" />
        <source>not streamed</source>
        <translation>nicht gestreamt</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="434" />
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="437" />
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="437" />
        <source>%1 by %2 at %3</source>
        <translation>%1 von %2 am %3</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="439" />
        <source>not reviewed</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="441" />
        <source>Review comment</source>
        <translation>Prüfkommentar</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="443" />
        <source>Review history</source>
        <translation>Prüfverlauf</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DecisionsPage.cpp" line="443" />
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n Aktion</numerusform>
            <numerusform>%n Aktionen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="446" />
        <source>%1 by %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="453" />
        <source>Decision trace</source>
        <translation>Entscheidungsablauf</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="203" />
        <source>E&amp;xport current filter…</source>
        <translation>Aktuellen Filter e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="204" />
        <source>Write an audit report (PDF, CSV, JSON) of the period, tier and decision shown</source>
        <translation>Einen Audit-Bericht (PDF, CSV, JSON) über den angezeigten Zeitraum, die Stufe und die Entscheidung schreiben</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="360" />
        <source>search &quot;%1&quot;</source>
        <translation>Suche „%1“</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="362" />
        <source>review state</source>
        <translation>Prüfstatus</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::FindingsModel</name>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="38" />
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="62" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="63" />
        <source>Level</source>
        <translation>Schutzstufe</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="64" />
        <source>Score</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="65" />
        <source>Recognizer</source>
        <translation>Erkenner</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="66" />
        <source>Location</source>
        <translation>Fundstelle</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::LevelColors</name>
    <message>
        <location filename="../ui/LevelColors.cpp" line="42" />
        <source>public</source>
        <translation>öffentlich</translation>
    </message>
    <message>
        <location filename="../ui/LevelColors.cpp" line="43" />
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <location filename="../ui/LevelColors.cpp" line="44" />
        <source>confidential</source>
        <translation>vertraulich</translation>
    </message>
    <message>
        <location filename="../ui/LevelColors.cpp" line="45" />
        <source>restricted</source>
        <translation>streng vertraulich</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="115" />
        <source>Gateway started</source>
        <translation>Gateway gestartet</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="115" />
        <source>Listening on %1 with policy %2.</source>
        <translation>Lauscht auf %1 mit Richtlinie %2.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119" />
        <source>Gateway stopped</source>
        <translation>Gateway gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119" />
        <source>The embedded gateway no longer accepts requests.</source>
        <translation>Das eingebettete Gateway nimmt keine Anfragen mehr an.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124" />
        <source>Alert firing: %1</source>
        <translation>Alarm ausgelöst: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124" />
        <source>Alert resolved: %1</source>
        <translation>Alarm aufgehoben: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124" />
        <source>Gateway problem</source>
        <translation>Problem mit dem Gateway</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="189" />
        <source>Perimeter Console</source>
        <translation>Perimeter-Konsole</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="197" />
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="198" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="199" />
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="200" />
        <source>Start the embedded gateway (Ctrl+Shift+S)</source>
        <translation>Das eingebettete Gateway starten (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="201" />
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="202" />
        <source>Stop accepting requests and let those in flight finish (Ctrl+Shift+X)</source>
        <translation>Keine neuen Anfragen annehmen und laufende zu Ende führen (Strg+Umschalt+X)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="203" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="205" />
        <source>Show the console</source>
        <translation>Konsole anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="278" />
        <source>Gateway down</source>
        <translation>Gateway gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="278" />
        <source>Gateway down (failed to start)</source>
        <translation>Gateway gestoppt (Start fehlgeschlagen)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="280" />
        <location filename="../ui/MainWindow.cpp" line="287" />
        <source>Configuration: %1</source>
        <translation>Konfiguration: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="283" />
        <source>Gateway starting…</source>
        <translation>Gateway startet…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="286" />
        <source>Gateway up</source>
        <translation>Gateway läuft</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="288" />
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="291" />
        <source>Gateway stopping…</source>
        <translation>Gateway stoppt…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="295" />
        <source>%1 req/s · %n in progress</source>
        <translation>
            <numerusform>%1 Anfr./s · %n in Bearbeitung</numerusform>
            <numerusform>%1 Anfr./s · %n in Bearbeitung</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="298" />
        <source>Policy %1</source>
        <translation>Richtlinie %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="301" />
        <source>Perimeter: %1</source>
        <translation>Perimeter: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="216" />
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="217" />
        <source>Write an audit report of the Decisions page&apos;s filter as PDF, CSV or JSON (Ctrl+E)</source>
        <translation>Einen Audit-Bericht mit dem Filter der Seite „Entscheidungen“ als PDF, CSV oder JSON schreiben (Strg+E)</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::ModelEditDialog</name>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="21" />
        <source>Add an on-prem model</source>
        <translation>On-Prem-Modell hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="21" />
        <source>Edit an on-prem model</source>
        <translation>On-Prem-Modell bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="26" />
        <source>e.g. llama-3.1-70b-instruct</source>
        <translation>z. B. llama-3.1-70b-instruct</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="30" />
        <source>e.g. 2024-07 or 3.1</source>
        <translation>z. B. 2024-07 oder 3.1</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="47" />
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="48" />
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="53" />
        <source> concurrent requests</source>
        <translation> gleichzeitige Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="66" />
        <source>why, for the history (optional)</source>
        <translation>warum, für den Verlauf (optional)</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="69" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="70" />
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="71" />
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="72" />
        <source>&amp;Endpoints:</source>
        <translation>&amp;Endpunkte:</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="73" />
        <source>Context &amp;length:</source>
        <translation>Kontext&amp;länge:</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="74" />
        <source>&amp;Capacity:</source>
        <translation>&amp;Kapazität:</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="75" />
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="76" />
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="77" />
        <source>Co&amp;mment:</source>
        <translation>Ko&amp;mmentar:</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="89" />
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="89" />
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="201" />
        <source>The registry refused this model:
%1</source>
        <translation>Die Registry hat dieses Modell abgelehnt:
%1</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="217" />
        <location filename="../ui/ModelEditDialog.cpp" line="219" />
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="221" />
        <source>choose at least one on-prem endpoint</source>
        <translation>mindestens einen On-Prem-Endpunkt auswählen</translation>
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="227" />
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::ModelsPage</name>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="158" />
        <source>On-prem models come from the model registry (seeded from the configuration); changes are served at once, without a restart. Cloud models and their prices come from the configuration&apos;s endpoints and cost table.</source>
        <translation>On-Prem-Modelle stammen aus der Modell-Registry (aus der Konfiguration befüllt); Änderungen gelten sofort, ohne Neustart. Cloud-Modelle und ihre Preise stammen aus den Endpunkten und der Kostentabelle der Konfiguration.</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="160" />
        <source>&amp;Add model…</source>
        <translation>Modell &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="161" />
        <source>Register an on-prem model version (Ctrl+N)</source>
        <translation>Eine On-Prem-Modellversion registrieren (Strg+N)</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="162" />
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="163" />
        <source>Change the selected version (F2)</source>
        <translation>Die ausgewählte Version ändern (F2)</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="164" />
        <source>&amp;Retire</source>
        <translation>&amp;Außer Dienst stellen</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="165" />
        <source>Stop serving the selected version (Del)</source>
        <translation>Die ausgewählte Version nicht mehr bedienen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="166" />
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="167" />
        <source>Read the registry and endpoint health again (F5)</source>
        <translation>Registry und Endpunktzustand neu lesen (F5)</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="168" />
        <source>On-prem models (registry)</source>
        <translation>On-Prem-Modelle (Registry)</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="169" />
        <source>Cloud models (configuration) with list prices</source>
        <translation>Cloud-Modelle (Konfiguration) mit Listenpreisen</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="170" />
        <source>Version history</source>
        <translation>Versionsverlauf</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="170" />
        <source>Version history of %1</source>
        <translation>Versionsverlauf von %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ModelsPage.cpp" line="220" />
        <source>%n registered version(s), %1 served on-prem; %2 cloud model(s).</source>
        <translation>
            <numerusform>%n registrierte Version, %1 On-Prem bedient; %2 Cloud-Modell(e).</numerusform>
            <numerusform>%n registrierte Versionen, %1 On-Prem bedient; %2 Cloud-Modell(e).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="224" />
        <source>Health checks are off: health shows only failures seen by requests.</source>
        <translation>Die Health-Checks sind aus: Der Zustand zeigt nur Fehler, die Anfragen bemerkt haben.</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="330" />
        <source>Saved %1 version %2; the gateway serves the change now.</source>
        <translation>%1 Version %2 gespeichert; das Gateway wendet die Änderung jetzt an.</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="345" />
        <source>Retire model</source>
        <translation>Modell außer Dienst stellen</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="346" />
        <source>Retire %1 version %2? The gateway stops serving it now; callers asking for it get &quot;model not found&quot; unless another version is in service.</source>
        <translation>%1 Version %2 außer Dienst stellen? Das Gateway bedient sie ab sofort nicht mehr; Aufrufer erhalten „Modell nicht gefunden“, sofern keine andere Version in Betrieb ist.</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="351" />
        <source>retired in the console</source>
        <translation>in der Konsole außer Dienst gestellt</translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="366" />
        <source>Retired %1 version %2.</source>
        <translation>%1 Version %2 außer Dienst gestellt.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyCellDelegate</name>
    <message>
        <location filename="../ui/PolicyCellDelegate.cpp" line="16" />
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyEditorPage</name>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="208" />
        <source>Version #%1 cannot be read: %2</source>
        <translation>Version #%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="211" />
        <source>Changes from version #%1 (%2) to the active policy:</source>
        <translation>Änderungen von Version #%1 (%2) zur aktiven Richtlinie:</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="245" />
        <source>The active policy changed to %1 outside this editor; your edits are kept (Reload discards them).</source>
        <translation>Die aktive Richtlinie wurde außerhalb dieses Editors zu %1 geändert; Ihre Änderungen bleiben erhalten (Neu laden verwirft sie).</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="321" />
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="322" />
        <source>V&amp;ersion:</source>
        <translation>V&amp;ersion:</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="323" />
        <source>empty: derived from the content</source>
        <translation>leer: aus dem Inhalt abgeleitet</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="324" />
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="325" />
        <source>why this change (kept in the version history)</source>
        <translation>warum diese Änderung (wird im Versionsverlauf gespeichert)</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="326" />
        <source>&amp;Apply</source>
        <translation>An&amp;wenden</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="327" />
        <source>Validate and apply the edited policy to new requests (Ctrl+Enter)</source>
        <translation>Die bearbeitete Richtlinie prüfen und auf neue Anfragen anwenden (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="328" />
        <source>Rever&amp;t</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="329" />
        <source>Discard the edits and show the active policy again</source>
        <translation>Die Änderungen verwerfen und wieder die aktive Richtlinie zeigen</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="330" />
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="331" />
        <source>Load the active policy from the gateway</source>
        <translation>Die aktive Richtlinie vom Gateway laden</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>&amp;Levels</source>
        <translation>&amp;Schutzstufen</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>T&amp;ypes</source>
        <translation>&amp;Typen</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>&amp;Overrides</source>
        <translation>A&amp;bweichungen</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>&amp;Markers</source>
        <translation>&amp;Marker</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>Recog&amp;nizers</source>
        <translation>E&amp;rkenner</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>Mo&amp;dels</source>
        <translation>Mo&amp;delle</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="333" />
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="333" />
        <source>D&amp;iff</source>
        <translation>Untersch&amp;iede</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="333" />
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="337" />
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="338" />
        <source>Add a row (Insert in the table)</source>
        <translation>Eine Zeile hinzufügen (Einfg in der Tabelle)</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="339" />
        <source>Remove row</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="340" />
        <source>Remove the current row (Ctrl+Delete in the table)</source>
        <translation>Die aktuelle Zeile entfernen (Strg+Entf in der Tabelle)</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="342" />
        <source>The whole policy document. Edits here update the tables (and the other way round); see docs/policy-reference.md for every key.</source>
        <translation>Das ganze Richtliniendokument. Änderungen hier aktualisieren die Tabellen (und umgekehrt); jeder Schlüssel ist in docs/policy-reference.md beschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="344" />
        <source>Compare &amp;with active</source>
        <translation>Mit aktiver verglei&amp;chen</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="345" />
        <source>Roll &amp;back to this version…</source>
        <translation>Auf diese Version &amp;zurücksetzen…</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="346" />
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="347" />
        <source>&amp;Problems (by JSON path; Enter goes to the cell):</source>
        <translation>&amp;Probleme (nach JSON-Pfad; Eingabe springt zur Zelle):</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="383" />
        <source>Editing the active policy %1.</source>
        <translation>Bearbeitung der aktiven Richtlinie %1.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="445" />
        <source>/: not valid JSON: %1 (at character %2)</source>
        <translation>/: kein gültiges JSON: %1 (bei Zeichen %2)</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="446" />
        <source>/: must be an object</source>
        <translation>/: muss ein Objekt sein</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="543" />
        <source>Start the gateway to edit its policy.</source>
        <translation>Starten Sie das Gateway, um seine Richtlinie zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="551" />
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/PolicyEditorPage.cpp" line="553" />
        <source>%n problem(s): this policy cannot be applied.</source>
        <translation>
            <numerusform>%n Problem: Diese Richtlinie kann nicht angewendet werden.</numerusform>
            <numerusform>%n Probleme: Diese Richtlinie kann nicht angewendet werden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="555" />
        <source>Valid; not applied yet.</source>
        <translation>Gültig; noch nicht angewendet.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="557" />
        <source>No changes.</source>
        <translation>Keine Änderungen.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="558" />
        <source>Active policy: %1. Edited policy: %2</source>
        <translation>Aktive Richtlinie: %1. Bearbeitete Richtlinie: %2</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="570" />
        <source>No differences from the active policy %1.</source>
        <translation>Keine Unterschiede zur aktiven Richtlinie %1.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="573" />
        <source>Changes from the active policy %1 to the edited one:</source>
        <translation>Änderungen von der aktiven Richtlinie %1 zur bearbeiteten:</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="599" />
        <source>The policy has problems and cannot be applied; see the list below.</source>
        <translation>Die Richtlinie hat Probleme und kann nicht angewendet werden; siehe die Liste unten.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="612" />
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="622" />
        <source>Rolling back to version #%1…</source>
        <translation>Zurücksetzen auf Version #%1…</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="630" />
        <source>Select a version in the history first.</source>
        <translation>Wählen Sie zuerst eine Version im Verlauf.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="634" />
        <source>Roll back the policy</source>
        <translation>Richtlinie zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="635" />
        <source>Apply version #%1 (%2) again? New requests will be routed under it.</source>
        <translation>Version #%1 (%2) erneut anwenden? Neue Anfragen werden danach geroutet.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="658" />
        <source>Policy %1 applied (history #%2); new requests use it.</source>
        <translation>Richtlinie %1 angewendet (Verlauf #%2); neue Anfragen verwenden sie.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="676" />
        <source>The version history cannot be read: %1</source>
        <translation>Der Versionsverlauf kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyHistoryModel</name>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="54" />
        <source>%1 (active)</source>
        <translation>%1 (aktiv)</translation>
    </message>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="82" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="84" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="86" />
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="88" />
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="90" />
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyLevelsModel</name>
    <message>
        <location filename="../ui/PolicyLevelsModel.cpp" line="53" />
        <source>Sensitivity level</source>
        <translation>Schutzstufe</translation>
    </message>
    <message>
        <location filename="../ui/PolicyLevelsModel.cpp" line="53" />
        <source>Permitted tiers (in preference order)</source>
        <translation>Erlaubte Ebenen (in Vorzugsreihenfolge)</translation>
    </message>
    <message>
        <location filename="../ui/PolicyLevelsModel.cpp" line="58" />
        <source>Tiers this level may use, most preferred first; &quot;none&quot; refuses the level everywhere.</source>
        <translation>Ebenen, die diese Schutzstufe nutzen darf, bevorzugte zuerst; „none“ lehnt sie überall ab.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyMarkersModel</name>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="73" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="75" />
        <source>Finding type</source>
        <translation>Fundtyp</translation>
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="77" />
        <source>Level</source>
        <translation>Schutzstufe</translation>
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="79" />
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="81" />
        <source>Terms (separated by ;)</source>
        <translation>Begriffe (durch ; getrennt)</translation>
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="88" />
        <source>Keywords matched case-insensitively; any run of spaces matches any run of spaces. Separate them with ;.</source>
        <translation>Stichwörter ohne Beachtung der Groß-/Kleinschreibung; beliebig viele Leerzeichen passen auf beliebig viele. Mit ; trennen.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="90" />
        <source>Empty: the level of the finding type (ORG_MARKER: confidential).</source>
        <translation>Leer: die Schutzstufe des Fundtyps (ORG_MARKER: vertraulich).</translation>
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="98" />
        <source>Give the list a name.</source>
        <translation>Geben Sie der Liste einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="104" />
        <source>List at least one term.</source>
        <translation>Geben Sie mindestens einen Begriff an.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyModelRulesModel</name>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="65" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="67" />
        <source>Teams allowed</source>
        <translation>Erlaubte Teams</translation>
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="69" />
        <source>Callers allowed</source>
        <translation>Erlaubte Aufrufer</translation>
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="71" />
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="78" />
        <source>Separated by commas. Other callers get model_not_found and do not see the model.</source>
        <translation>Durch Kommas getrennt. Andere Aufrufer erhalten model_not_found und sehen das Modell nicht.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="87" />
        <source>Name the model.</source>
        <translation>Nennen Sie das Modell.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="90" />
        <source>Model %1 has two rules.</source>
        <translation>Modell %1 hat zwei Regeln.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="96" />
        <source>Allow at least one team or caller.</source>
        <translation>Erlauben Sie mindestens ein Team oder einen Aufrufer.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyOverridesModel</name>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="111" />
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="113" />
        <source>Team or caller</source>
        <translation>Team oder Aufrufer</translation>
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="115" />
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="117" />
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="119" />
        <source>Confidential</source>
        <translation>Vertraulich</translation>
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="121" />
        <source>Restricted</source>
        <translation>Streng vertraulich</translation>
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="123" />
        <source>Exception</source>
        <translation>Ausnahme</translation>
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="125" />
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="132" />
        <source>Tiers for this level, most preferred first; empty: as the policy says; &quot;none&quot;: refused.</source>
        <translation>Ebenen für diese Schutzstufe, bevorzugte zuerst; leer: wie die Richtlinie; „none“: abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="134" />
        <source>An exception may permit tiers the policy does not; without it an override may only tighten.</source>
        <translation>Eine Ausnahme darf Ebenen erlauben, die die Richtlinie nicht erlaubt; ohne sie darf eine Abweichung nur verschärfen.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="141" />
        <source>Name the team or the caller.</source>
        <translation>Nennen Sie das Team oder den Aufrufer.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyRecognizersModel</name>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="80" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="82" />
        <source>Finding type</source>
        <translation>Fundtyp</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="84" />
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="86" />
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="88" />
        <source>Level</source>
        <translation>Schutzstufe</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="90" />
        <source>Context words</source>
        <translation>Kontextwörter</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="92" />
        <source>Ignore case</source>
        <translation>Groß-/Kleinschreibung ignorieren</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="100" />
        <source>A regular expression (PCRE subset: no look-around, no back-references).</source>
        <translation>Ein regulärer Ausdruck (PCRE-Teilmenge: kein Look-around, keine Rückverweise).</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="102" />
        <source>With context words (separated by commas) a match scores fully only near one of them.</source>
        <translation>Mit Kontextwörtern (durch Kommas getrennt) zählt ein Treffer nur in ihrer Nähe voll.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="104" />
        <source>Empty: the level of the finding type.</source>
        <translation>Leer: die Schutzstufe des Fundtyps.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="114" />
        <source>Give the recognizer a name.</source>
        <translation>Geben Sie dem Erkenner einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="120" />
        <source>A pattern is required.</source>
        <translation>Ein Muster ist nötig.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="123" />
        <source>Not a valid regular expression: %1 (at %2).</source>
        <translation>Kein gültiger regulärer Ausdruck: %1 (bei %2).</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyTableModel</name>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="300" />
        <source>List the permitted tiers in preference order (onprem, cloud) or write &quot;none&quot;.</source>
        <translation>Geben Sie die erlaubten Ebenen in Vorzugsreihenfolge an (onprem, cloud) oder „none“.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="304" />
        <source>&quot;%1&quot; is not a tier: use onprem and/or cloud.</source>
        <translation>„%1“ ist keine Ebene: Verwenden Sie onprem und/oder cloud.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="306" />
        <source>Tier %1 is listed twice.</source>
        <translation>Ebene %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="315" />
        <source>A number between 0 and 1 is required.</source>
        <translation>Eine Zahl zwischen 0 und 1 ist nötig.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="319" />
        <source>&quot;%1&quot; is not a number (use a point for decimals).</source>
        <translation>„%1“ ist keine Zahl (Dezimalpunkt verwenden).</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="321" />
        <source>Must be between 0 and 1.</source>
        <translation>Muss zwischen 0 und 1 liegen.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="342" />
        <source>Type names are upper-case letters, digits and _ (at most 64).</source>
        <translation>Typnamen bestehen aus Großbuchstaben, Ziffern und _ (höchstens 64).</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyTypesModel</name>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="93" />
        <source>Finding type</source>
        <translation>Fundtyp</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="95" />
        <source>Level</source>
        <translation>Schutzstufe</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="97" />
        <source>Score threshold</source>
        <translation>Bewertungsschwelle</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="99" />
        <source>Recognizers off</source>
        <translation>Erkenner aus</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="107" />
        <source>The finding type, e.g. PHONE_NUMBER or EMPLOYEE_ID.</source>
        <translation>Der Fundtyp, z. B. PHONE_NUMBER oder EMPLOYEE_ID.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="109" />
        <source>The sensitivity level a finding of this type gives the request; empty: the type&apos;s default.</source>
        <translation>Die Schutzstufe, die ein Fund dieses Typs der Anfrage gibt; leer: der Standard des Typs.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="111" />
        <source>Findings scoring below this (0 to 1) do not count; empty: the recognizer&apos;s default.</source>
        <translation>Funde mit niedrigerer Bewertung (0 bis 1) zählen nicht; leer: der Standard des Erkenners.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="113" />
        <source>Turns the built-in recognizers of this type off.</source>
        <translation>Schaltet die eingebauten Erkenner dieses Typs ab.</translation>
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="125" />
        <source>Type %1 is listed twice.</source>
        <translation>Typ %1 ist doppelt angegeben.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::RegistryCloudModel</name>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="50" />
        <source>%1 (also on-prem)</source>
        <translation>%1 (auch On-Prem)</translation>
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="57" />
        <location filename="../ui/RegistryCloudModel.cpp" line="61" />
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="68" />
        <source>configuration, %1</source>
        <translation>Konfiguration, %1</translation>
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="69" />
        <source>built-in list price, %1</source>
        <translation>eingebauter Listenpreis, %1</translation>
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="75" />
        <source>The cost table has no price for %1; its requests are recorded without a cost.</source>
        <translation>Die Kostentabelle hat keinen Preis für %1; seine Anfragen werden ohne Kosten erfasst.</translation>
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="87" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="89" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="91" />
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="93" />
        <source>Input / 1M tokens</source>
        <translation>Eingabe / 1 Mio. Token</translation>
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="95" />
        <source>Output / 1M tokens</source>
        <translation>Ausgabe / 1 Mio. Token</translation>
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="97" />
        <source>Price from</source>
        <translation>Preis aus</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::RegistryHistoryModel</name>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="28" />
        <source>seeded from the configuration</source>
        <translation>aus der Konfiguration übernommen</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="30" />
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="32" />
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="34" />
        <source>retired</source>
        <translation>außer Dienst</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="74" />
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="76" />
        <source>Before:
%1
After:
%2</source>
        <translation>Vorher:
%1
Nachher:
%2</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="87" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="89" />
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="91" />
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="93" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="95" />
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="97" />
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::RegistryModelsModel</name>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="45" />
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="47" />
        <source>draining</source>
        <translation>auslaufend</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="49" />
        <source>retired</source>
        <translation>außer Dienst</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="57" />
        <source>chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="59" />
        <source>completion</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="61" />
        <source>embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="83" />
        <source>down (0/%1 endpoints up)</source>
        <translation>ausgefallen (0/%1 Endpunkte erreichbar)</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="85" />
        <source>degraded (%1/%2 endpoints up)</source>
        <translation>eingeschränkt (%1/%2 Endpunkte erreichbar)</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="86" />
        <source>healthy (%1/%2 endpoints up)</source>
        <translation>gesund (%1/%2 Endpunkte erreichbar)</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="121" />
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="127" />
        <source>%1, served</source>
        <translation>%1, bedient</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="139" />
        <source>The gateway serves this version for requests naming %1.</source>
        <translation>Das Gateway bedient Anfragen an %1 mit dieser Version.</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="141" />
        <source>Retired: not served.</source>
        <translation>Außer Dienst: wird nicht bedient.</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="142" />
        <source>Not served: another version of %1 is active.</source>
        <translation>Nicht bedient: Eine andere Version von %1 ist aktiv.</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="151" />
        <source>%1: not in the configuration</source>
        <translation>%1: nicht in der Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="153" />
        <source>%1: circuit open after failures</source>
        <translation>%1: Circuit nach Fehlern offen</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="155" />
        <source>%1: down</source>
        <translation>%1: nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="157" />
        <source>%1: up, %2 of %3 in flight</source>
        <translation>%1: erreichbar, %2 von %3 in Bearbeitung</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="176" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="178" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="180" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="182" />
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="184" />
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="186" />
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="188" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="190" />
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::ReportExportDialog</name>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="147" />
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="148" />
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="149" />
        <source>&amp;Whole trail</source>
        <translation>&amp;Gesamter Trail</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="150" />
        <source>Export every stored record, whatever its time</source>
        <translation>Jeden gespeicherten Datensatz exportieren, unabhängig vom Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="151" />
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="152" />
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="153" />
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="154" />
        <source>CSV (spreadsheet)</source>
        <translation>CSV (Tabellenkalkulation)</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="155" />
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="156" />
        <source>Include the &amp;records</source>
        <translation>&amp;Datensätze einschließen</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="157" />
        <source>Add every matching record to the report, not only the figures</source>
        <translation>Jeden passenden Datensatz in den Bericht aufnehmen, nicht nur die Kennzahlen</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="158" />
        <source>&amp;Save to:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="159" />
        <source>File to write</source>
        <translation>Zu schreibende Datei</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="160" />
        <source>&amp;Browse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="161" />
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="162" />
        <source>Cancel e&amp;xport</source>
        <translation>Export a&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="163" />
        <source>%p %</source>
        <translation>%p %</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="235" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="238" />
        <source>tier: %1</source>
        <translation>Stufe: %1</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="239" />
        <source>decision: %1</source>
        <translation>Entscheidung: %1</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="240" />
        <source>sensitivity: %1</source>
        <translation>Sensibilität: %1</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="241" />
        <source>team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="242" />
        <source>caller: %1</source>
        <translation>Aufrufer: %1</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="243" />
        <source>model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="244" />
        <source>endpoint: %1</source>
        <translation>Endpunkt: %1</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="245" />
        <source>reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="246" />
        <source>all requests of the period</source>
        <translation>alle Anfragen des Zeitraums</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="248" />
        <source>Not part of the report (the report filters by field only): %1</source>
        <translation>Nicht Teil des Berichts (der Bericht filtert nur nach Feldern): %1</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="257" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="259" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="261" />
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="264" />
        <source>audit-report</source>
        <translation>audit-bericht</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="266" />
        <source>Save report as</source>
        <translation>Bericht speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="267" />
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="280" />
        <source>Choose the file to save the report to.</source>
        <translation>Wählen Sie die Datei, in der der Bericht gespeichert wird.</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="284" />
        <source>&quot;%1&quot; is a folder: choose a file name.</source>
        <translation>„%1“ ist ein Ordner: Wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="286" />
        <source>The folder &quot;%1&quot; does not exist.</source>
        <translation>Der Ordner „%1“ existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="289" />
        <source>The period is empty: &quot;from&quot; must be before &quot;to&quot;.</source>
        <translation>Der Zeitraum ist leer: „von“ muss vor „bis“ liegen.</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="297" />
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ReportExportDialog.cpp" line="306" />
        <source>Report saved to %1 (%n record(s)).</source>
        <translation>
            <numerusform>Bericht gespeichert unter %1 (%n Datensatz).</numerusform>
            <numerusform>Bericht gespeichert unter %1 (%n Datensätze).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="315" />
        <source>The report could not be exported: %1</source>
        <translation>Der Bericht konnte nicht exportiert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="323" />
        <source>Export cancelled: no file was written.</source>
        <translation>Export abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="333" />
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::ScreenshotRunner</name>
    <message>
        <location filename="../ui/ScreenshotRunner.cpp" line="72" />
        <source>Card number sent towards a cloud model: ask the team why.</source>
        <translation>Kartennummer an ein Cloud-Modell geschickt: beim Team nachfragen.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::SimulatorPage</name>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="40" />
        <source>Text with a card number</source>
        <translation>Text mit Kartennummer</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="41" />
        <source>Text with contact details</source>
        <translation>Text mit Kontaktdaten</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="42" />
        <source>Public question</source>
        <translation>Öffentliche Frage</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="43" />
        <source>Chat request with an IBAN (cloud model)</source>
        <translation>Chat-Anfrage mit IBAN (Cloud-Modell)</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="44" />
        <source>Chat request with an access key</source>
        <translation>Chat-Anfrage mit Zugangsschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="45" />
        <source>Embedding request with an SSN</source>
        <translation>Embedding-Anfrage mit Sozialversicherungsnummer</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="197" />
        <source>&amp;Sample:</source>
        <translation>&amp;Beispiel:</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="198" />
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="199" />
        <source>Caller &amp;label:</source>
        <translation>Aufrufer-&amp;Kennzeichnung:</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="200" />
        <source>&amp;Caller:</source>
        <translation>Auf&amp;rufer:</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="201" />
        <source>optional caller id</source>
        <translation>optionale Aufrufer-ID</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="202" />
        <source>Simulate</source>
        <translation>Simulieren</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="203" />
        <source>Run the real classification, policy and routing stages without forwarding (Ctrl+Return)</source>
        <translation>Die echten Stufen Klassifizierung, Richtlinie und Routing ohne Weiterleitung ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="204" />
        <source>Paste text or an OpenAI request body (JSON) here, or load a sample.</source>
        <translation>Text oder einen OpenAI-Anfragetext (JSON) hier einfügen oder ein Beispiel laden.</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="205" />
        <source>Findings</source>
        <translation>Funde</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="206" />
        <source>Routing trace</source>
        <translation>Routing-Ablauf</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="207" />
        <source>Load a sample…</source>
        <translation>Beispiel laden…</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="210" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="324" />
        <source>No simulation yet</source>
        <translation>Noch keine Simulation</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="325" />
        <source>Paste a payload and press Simulate: the result shows the sensitivity level, the findings and where the gateway would send the request.</source>
        <translation>Fügen Sie eine Anfrage ein und drücken Sie „Simulieren“: Das Ergebnis zeigt die Schutzstufe, die Funde und wohin das Gateway die Anfrage senden würde.</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="338" />
        <source>Sensitivity: %1</source>
        <translation>Schutzstufe: %1</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="341" />
        <source>Not classified</source>
        <translation>Nicht klassifiziert</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="346" />
        <source>Would be forwarded to %1 (%2 tier).</source>
        <translation>Würde an %1 weitergeleitet (Ebene %2).</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="348" />
        <source>Would be rejected with HTTP %1 (%2).</source>
        <translation>Würde mit HTTP %1 abgelehnt (%2).</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="353" />
        <source>Caller label: %1 (may only raise the level).</source>
        <translation>Kennzeichnung des Aufrufers: %1 (kann die Stufe nur erhöhen).</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="355" />
        <source>Classification failed closed (%1): treated as restricted.</source>
        <translation>Klassifizierung sicher fehlgeschlagen (%1): als streng vertraulich behandelt.</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="360" />
        <source>policy version %1</source>
        <translation>Richtlinienversion %1</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="365" />
        <source>level %1 may enter: %2</source>
        <translation>Stufe %1 darf in: %2</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="366" />
        <source>no tier</source>
        <translation>keine Ebene</translation>
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="430" />
        <source>%1 — level %2, score %3, recognizer %4</source>
        <translation>%1 — Stufe %2, Konfidenz %3, Erkenner %4</translation>
    </message>
</context>
</TS>
