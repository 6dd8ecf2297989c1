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
        <location filename="../core/service/GatewayService.cpp" line="71" />
        <source>The gateway is already running or busy; stop it first.</source>
        <translation>Das Gateway läuft bereits oder ist beschäftigt; stoppen Sie es zuerst.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="86" />
        <source>The configuration %1 cannot be used:
%2</source>
        <translation>Die Konfiguration %1 kann nicht verwendet werden:
%2</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="90" />
        <source>The gateway cannot be created: %1</source>
        <translation>Das Gateway kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="187" />
        <location filename="../core/service/GatewayService.cpp" line="198" />
        <source>The gateway is not running; start it to simulate.</source>
        <translation>Das Gateway läuft nicht; starten Sie es, um zu simulieren.</translation>
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="213" />
        <source>No audit trail is open yet: start the gateway first.</source>
        <translation>Noch kein Audit-Protokoll geöffnet: Starten Sie zuerst das Gateway.</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::AuditTableModel</name>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="41" />
        <source>(anonymous)</source>
        <translation>(anonym)</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="44" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="74" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="75" />
        <source>Caller</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="76" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="77" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="78" />
        <source>Tier</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="79" />
        <source>Level</source>
        <translation>Schutzstufe</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="80" />
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="81" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="82" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::DashboardPage</name>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="135" />
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="136" />
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="137" />
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="138" />
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="139" />
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="140" />
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="141" />
        <source>Refresh every few seconds while the dashboard is shown</source>
        <translation>Alle paar Sekunden aktualisieren, solange das Dashboard angezeigt wird</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="142" />
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="143" />
        <source>Requests over time by tier</source>
        <translation>Anfragen im Zeitverlauf nach Ebene</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="144" />
        <source>On-prem</source>
        <translation>On-Prem</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="145" />
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="146" />
        <source>Not routed</source>
        <translation>Nicht geroutet</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="147" />
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="148" />
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="149" />
        <source>Sensitivity mix</source>
        <translation>Verteilung der Schutzstufen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="150" />
        <source>Top rejection and failure reasons</source>
        <translation>Häufigste Ablehnungs- und Fehlergründe</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="256" />
        <source>Cannot read the audit trail: %1</source>
        <translation>Das Audit-Protokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DashboardPage.cpp" line="260" />
        <source>%n request(s) in the period</source>
        <translation><numerusform>%n Anfrage im Zeitraum</numerusform><numerusform>%n Anfragen im Zeitraum</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="261" />
        <source>%1 rejected, %2 failed</source>
        <translation>%1 abgelehnt, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="285" />
        <source>routed</source>
        <translation>geroutet</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="285" />
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="285" />
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="300" />
        <source>not classified</source>
        <translation>nicht klassifiziert</translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="327" />
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>perimeter::ui::DecisionsPage</name>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="115" />
        <source>Filter by caller, team, model, reason, request id or finding type</source>
        <translation>Nach Aufrufer, Team, Modell, Grund, Anfrage-ID oder Fundtyp filtern</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="116" />
        <source>All tiers</source>
        <translation>Alle Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="117" />
        <source>On-prem</source>
        <translation>On-Prem</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="118" />
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="119" />
        <source>No tier</source>
        <translation>Keine Ebene</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="120" />
        <source>All decisions</source>
        <translation>Alle Entscheidungen</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="121" />
        <source>Routed</source>
        <translation>Geroutet</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="122" />
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="123" />
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="124" />
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="125" />
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="126" />
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="127" />
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="128" />
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="129" />
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="130" />
        <source>Read the audit trail again (F5)</source>
        <translation>Audit-Protokoll neu lesen (F5)</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="132" />
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="132" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="177" />
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="220" />
        <source>Cannot read the audit trail: %1</source>
        <translation>Das Audit-Protokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DecisionsPage.cpp" line="222" />
        <source>%n decision(s) shown</source>
        <translation><numerusform>%n Entscheidung angezeigt</numerusform><numerusform>%n Entscheidungen angezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DecisionsPage.cpp" line="223" />
        <source>%n in the period</source>
        <translation><numerusform>%n im Zeitraum</numerusform><numerusform>%n im Zeitraum</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="231" />
        <source>Select a decision to see its details.</source>
        <translation>Wählen Sie eine Entscheidung, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="236" />
        <source>Request id</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="237" />
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="238" />
        <source>Caller</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="239" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="240" />
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="241" />
        <source>Model requested</source>
        <translation>Angefragtes Modell</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="242" />
        <source>Model served</source>
        <translation>Bedienendes Modell</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="243" />
        <source>Tier</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="244" />
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="245" />
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="246" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="247" />
        <source>Sensitivity</source>
        <translation>Schutzstufe</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="251" />
        <source>Finding types</source>
        <translation>Fundtypen</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="251" />
        <location filename="../ui/DecisionsPage.cpp" line="258" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="252" />
        <source>Policy version</source>
        <translation>Richtlinienversion</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="253" />
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="254" />
        <source>Tokens in / out</source>
        <translation>Tokens ein / aus</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="255" />
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="255" />
        <location filename="../ui/DecisionsPage.cpp" line="256" />
        <location filename="../ui/DecisionsPage.cpp" line="257" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="256" />
        <source>Upstream time</source>
        <translation>Upstream-Zeit</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="256" />
        <source>no upstream call</source>
        <translation>kein Upstream-Aufruf</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="257" />
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="257" />
        <source>not streamed</source>
        <translation>nicht gestreamt</translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="258" />
        <source>Cost</source>
        <translation>Kosten</translation>
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
        <location filename="../ui/MainWindow.cpp" line="108" />
        <source>Gateway started</source>
        <translation>Gateway gestartet</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="108" />
        <source>Listening on %1 with policy %2.</source>
        <translation>Lauscht auf %1 mit Richtlinie %2.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112" />
        <source>Gateway stopped</source>
        <translation>Gateway gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112" />
        <source>The embedded gateway no longer accepts requests.</source>
        <translation>Das eingebettete Gateway nimmt keine Anfragen mehr an.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="117" />
        <source>Gateway problem</source>
        <translation>Problem mit dem Gateway</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182" />
        <source>Perimeter Console</source>
        <translation>Perimeter-Konsole</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183" />
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183" />
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183" />
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="188" />
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="189" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="191" />
        <source>Start the embedded gateway (Ctrl+Shift+S)</source>
        <translation>Das eingebettete Gateway starten (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="192" />
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="193" />
        <source>Stop accepting requests and let those in flight finish (Ctrl+Shift+X)</source>
        <translation>Keine neuen Anfragen annehmen und laufende zu Ende führen (Strg+Umschalt+X)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="194" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="196" />
        <source>Show the console</source>
        <translation>Konsole anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="269" />
        <source>Gateway down</source>
        <translation>Gateway gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="269" />
        <source>Gateway down (failed to start)</source>
        <translation>Gateway gestoppt (Start fehlgeschlagen)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="271" />
        <location filename="../ui/MainWindow.cpp" line="278" />
        <source>Configuration: %1</source>
        <translation>Konfiguration: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="274" />
        <source>Gateway starting…</source>
        <translation>Gateway startet…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="277" />
        <source>Gateway up</source>
        <translation>Gateway läuft</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="279" />
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="282" />
        <source>Gateway stopping…</source>
        <translation>Gateway stoppt…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="286" />
        <source>%1 req/s · %n in progress</source>
        <translation><numerusform>%1 Anfr./s · %n in Bearbeitung</numerusform><numerusform>%1 Anfr./s · %n in Bearbeitung</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="289" />
        <source>Policy %1</source>
        <translation>Richtlinie %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="292" />
        <source>Perimeter: %1</source>
        <translation>Perimeter: %1</translation>
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