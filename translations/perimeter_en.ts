<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <location filename="../app/perimeter/main.cpp" line="93" />
        <source>Welcome to Perimeter. This first run uses the demo configuration: the gateway listens on 127.0.0.1:8080 and its two upstreams are simulated model servers (start them with installer/dev-setup.sh run). Open your own configuration with --config FILE.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::service::GatewayService</name>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="71" />
        <source>The gateway is already running or busy; stop it first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="86" />
        <source>The configuration %1 cannot be used:
%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="90" />
        <source>The gateway cannot be created: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="187" />
        <location filename="../core/service/GatewayService.cpp" line="198" />
        <source>The gateway is not running; start it to simulate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="213" />
        <source>No audit trail is open yet: start the gateway first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::AuditTableModel</name>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="41" />
        <source>(anonymous)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="44" />
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="74" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="75" />
        <source>Caller</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="76" />
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="77" />
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="78" />
        <source>Tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="79" />
        <source>Level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="80" />
        <source>Decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="81" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="82" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::DashboardPage</name>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="135" />
        <source>Last 15 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="136" />
        <source>Last hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="137" />
        <source>Last 6 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="138" />
        <source>Last 24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="139" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="140" />
        <source>&amp;Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="141" />
        <source>Refresh every few seconds while the dashboard is shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="142" />
        <source>&amp;Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="143" />
        <source>Requests over time by tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="144" />
        <source>On-prem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="145" />
        <source>Cloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="146" />
        <source>Not routed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="147" />
        <source>Requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="148" />
        <source>Decisions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="149" />
        <source>Sensitivity mix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="150" />
        <source>Top rejection and failure reasons</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="256" />
        <source>Cannot read the audit trail: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/DashboardPage.cpp" line="260" />
        <source>%n request(s) in the period</source>
        <translation><numerusform>%n request in the period</numerusform><numerusform>%n requests in the period</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="261" />
        <source>%1 rejected, %2 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="285" />
        <source>routed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="285" />
        <source>rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="285" />
        <source>failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="300" />
        <source>not classified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="327" />
        <source>none</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::DecisionsPage</name>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="115" />
        <source>Filter by caller, team, model, reason, request id or finding type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="116" />
        <source>All tiers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="117" />
        <source>On-prem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="118" />
        <source>Cloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="119" />
        <source>No tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="120" />
        <source>All decisions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="121" />
        <source>Routed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="122" />
        <source>Rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="123" />
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="124" />
        <source>Last hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="125" />
        <source>Last 24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="126" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="127" />
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="128" />
        <source>Everything</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="129" />
        <source>&amp;Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="130" />
        <source>Read the audit trail again (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="132" />
        <source>Field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="132" />
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="177" />
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="220" />
        <source>Cannot read the audit trail: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/DecisionsPage.cpp" line="222" />
        <source>%n decision(s) shown</source>
        <translation><numerusform>%n decision shown</numerusform><numerusform>%n decisions shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DecisionsPage.cpp" line="223" />
        <source>%n in the period</source>
        <translation><numerusform>%n in the period</numerusform><numerusform>%n in the period</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="231" />
        <source>Select a decision to see its details.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="236" />
        <source>Request id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="237" />
        <source>Time (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="238" />
        <source>Caller</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="239" />
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="240" />
        <source>Path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="241" />
        <source>Model requested</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="242" />
        <source>Model served</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="243" />
        <source>Tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="244" />
        <source>Endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="245" />
        <source>Decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="246" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="247" />
        <source>Sensitivity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="251" />
        <source>Finding types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="251" />
        <location filename="../ui/DecisionsPage.cpp" line="258" />
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="252" />
        <source>Policy version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="253" />
        <source>HTTP status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="254" />
        <source>Tokens in / out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="255" />
        <source>Latency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="255" />
        <location filename="../ui/DecisionsPage.cpp" line="256" />
        <location filename="../ui/DecisionsPage.cpp" line="257" />
        <source>%1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="256" />
        <source>Upstream time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="256" />
        <source>no upstream call</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="257" />
        <source>Time to first token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="257" />
        <source>not streamed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="258" />
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::FindingsModel</name>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="38" />
        <source>text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="62" />
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="63" />
        <source>Level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="64" />
        <source>Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="65" />
        <source>Recognizer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="66" />
        <source>Location</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::LevelColors</name>
    <message>
        <location filename="../ui/LevelColors.cpp" line="42" />
        <source>public</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/LevelColors.cpp" line="43" />
        <source>internal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/LevelColors.cpp" line="44" />
        <source>confidential</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/LevelColors.cpp" line="45" />
        <source>restricted</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="108" />
        <source>Gateway started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="108" />
        <source>Listening on %1 with policy %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112" />
        <source>Gateway stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112" />
        <source>The embedded gateway no longer accepts requests.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="117" />
        <source>Gateway problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182" />
        <source>Perimeter Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183" />
        <source>Dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183" />
        <source>Decisions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183" />
        <source>Simulator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="188" />
        <source>&amp;Gateway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="189" />
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>&amp;Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="191" />
        <source>Start the embedded gateway (Ctrl+Shift+S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="192" />
        <source>S&amp;top</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="193" />
        <source>Stop accepting requests and let those in flight finish (Ctrl+Shift+X)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="194" />
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="196" />
        <source>Show the console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="269" />
        <source>Gateway down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="269" />
        <source>Gateway down (failed to start)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="271" />
        <location filename="../ui/MainWindow.cpp" line="278" />
        <source>Configuration: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="274" />
        <source>Gateway starting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="277" />
        <source>Gateway up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="279" />
        <source>Listening on %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="282" />
        <source>Gateway stopping…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="286" />
        <source>%1 req/s · %n in progress</source>
        <translation><numerusform>%1 req/s · %n in progress</numerusform><numerusform>%1 req/s · %n in progress</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="289" />
        <source>Policy %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="292" />
        <source>Perimeter: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::SimulatorPage</name>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="40" />
        <source>Text with a card number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="41" />
        <source>Text with contact details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="42" />
        <source>Public question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="43" />
        <source>Chat request with an IBAN (cloud model)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="44" />
        <source>Chat request with an access key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="45" />
        <source>Embedding request with an SSN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="197" />
        <source>&amp;Sample:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="198" />
        <source>&amp;Model:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="199" />
        <source>Caller &amp;label:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="200" />
        <source>&amp;Caller:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="201" />
        <source>optional caller id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="202" />
        <source>Simulate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="203" />
        <source>Run the real classification, policy and routing stages without forwarding (Ctrl+Return)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="204" />
        <source>Paste text or an OpenAI request body (JSON) here, or load a sample.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="205" />
        <source>Findings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="206" />
        <source>Routing trace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="207" />
        <source>Load a sample…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="210" />
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="324" />
        <source>No simulation yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="325" />
        <source>Paste a payload and press Simulate: the result shows the sensitivity level, the findings and where the gateway would send the request.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="338" />
        <source>Sensitivity: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="341" />
        <source>Not classified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="346" />
        <source>Would be forwarded to %1 (%2 tier).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="348" />
        <source>Would be rejected with HTTP %1 (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="353" />
        <source>Caller label: %1 (may only raise the level).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="355" />
        <source>Classification failed closed (%1): treated as restricted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="360" />
        <source>policy version %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="365" />
        <source>level %1 may enter: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="366" />
        <source>no tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SimulatorPage.cpp" line="430" />
        <source>%1 — level %2, score %3, recognizer %4</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>