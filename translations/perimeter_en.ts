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
        <location filename="../core/service/GatewayService.cpp" line="89" />
        <source>The gateway is already running or busy; stop it first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="104" />
        <source>The configuration %1 cannot be used:
%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="108" />
        <source>The gateway cannot be created: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="222" />
        <location filename="../core/service/GatewayService.cpp" line="233" />
        <source>The gateway is not running; start it to simulate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="273" />
        <location filename="../core/service/GatewayService.cpp" line="293" />
        <location filename="../core/service/GatewayService.cpp" line="522" />
        <location filename="../core/service/GatewayService.cpp" line="558" />
        <location filename="../core/service/GatewayService.cpp" line="569" />
        <source>No audit trail is open yet: start the gateway first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="371" />
        <source>The gateway is not running; start it to change its policy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="373" />
        <source>The configuration uses the built-in default policy; set &quot;policy&quot; to a file in the configuration to edit it here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="375" />
        <source>Another policy change is still in progress.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="385" />
        <source>rollback to #%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="392" />
        <source>The policy history cannot be opened: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="400" />
        <source>Version #%1 is not in the history: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="408" />
        <source>The policy is invalid; the active policy stays in force.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="416" />
        <source>Cannot write the policy file %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="431" />
        <source>The gateway stopped; the policy file was written and applies at the next start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="452" />
        <location filename="../core/service/GatewayService.cpp" line="473" />
        <source>No policy history is open yet: start the gateway first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="603" />
        <source>The gateway is not running; start it to see and manage its models.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="615" />
        <source>The gateway is not running; start it to change its models.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../core/service/GatewayService.cpp" line="638" />
        <source>The gateway is not running; start it to see the model history.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::AuditTableModel</name>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="51" />
        <source>Reviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="53" />
        <source>Flagged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="76" />
        <source>(anonymous)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="79" />
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="94" />
        <source>%1 by %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="95" />
        <source>%1 by %2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="121" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="122" />
        <source>Caller</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="123" />
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="124" />
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="125" />
        <source>Tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="126" />
        <source>Level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="127" />
        <source>Decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="128" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="129" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/AuditTableModel.cpp" line="130" />
        <source>Review</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::DashboardPage</name>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="217" />
        <source>Last 15 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="218" />
        <source>Last hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="219" />
        <source>Last 6 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="220" />
        <source>Last 24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="221" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="222" />
        <source>&amp;Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="223" />
        <source>Refresh every few seconds while the dashboard is shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="224" />
        <source>&amp;Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="225" />
        <source>Requests over time by tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="226" />
        <location filename="../ui/DashboardPage.cpp" line="238" />
        <location filename="../ui/DashboardPage.cpp" line="442" />
        <location filename="../ui/DashboardPage.cpp" line="520" />
        <source>On-prem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="227" />
        <location filename="../ui/DashboardPage.cpp" line="239" />
        <location filename="../ui/DashboardPage.cpp" line="442" />
        <location filename="../ui/DashboardPage.cpp" line="520" />
        <source>Cloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="228" />
        <source>Not routed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="229" />
        <source>Requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="230" />
        <source>Decisions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="231" />
        <source>Sensitivity mix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="232" />
        <source>Top rejection and failure reasons</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="233" />
        <source>p50</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="234" />
        <source>p95</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="235" />
        <source>p99</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="236" />
        <source>Latency percentiles by tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="237" />
        <source>ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="240" />
        <source>&amp;Endpoint health</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="241" />
        <source>Endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="241" />
        <source>Tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="241" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="241" />
        <source>In flight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="241" />
        <source>Latency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="358" />
        <source>Cannot read the audit trail: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/DashboardPage.cpp" line="363" />
        <source>%n request(s) in the period</source>
        <translation>
            <numerusform>%n request in the period</numerusform>
            <numerusform>%n requests in the period</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="364" />
        <source>%1 rejected, %2 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="389" />
        <source>routed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="389" />
        <source>rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="389" />
        <source>failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="404" />
        <source>not classified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="431" />
        <location filename="../ui/DashboardPage.cpp" line="483" />
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="493" />
        <source>Cost by team and tier (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="497" />
        <source>Total %1 %2: on-prem %3, cloud %4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="507" />
        <source>Records in other currencies are left out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="508" />
        <source>cost %1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="477" />
        <source>(no team)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="501" />
        <source>on-prem at the blended rate of %1 %2 per 1M tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="504" />
        <source>no on-prem rate configured: on-prem requests cost nothing here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="519" />
        <source>circuit open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="519" />
        <source>available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="519" />
        <source>unavailable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="521" />
        <source>%1 / %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="522" />
        <source>no data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="522" />
        <source>%1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="533" />
        <source>Recent failures opened the circuit breaker; the router skips this endpoint for now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DashboardPage.cpp" line="330" />
        <source>No audit trail is open yet: start the gateway first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::DecisionsPage</name>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="169" />
        <source>Filter by caller, team, model, reason, request id or finding type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="170" />
        <source>All tiers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="171" />
        <source>On-prem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="172" />
        <source>Cloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="173" />
        <source>No tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="174" />
        <source>All decisions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="175" />
        <source>Routed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="176" />
        <source>Rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="177" />
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="178" />
        <source>Any review state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="179" />
        <source>Unreviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="180" />
        <source>Flagged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="181" />
        <source>Reviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="182" />
        <source>Review co&amp;mment:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="183" />
        <source>what you checked, or what is wrong (required to flag)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="184" />
        <source>Mark revie&amp;wed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="185" />
        <source>Record that you reviewed the selected decision (Ctrl+Shift+R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="187" />
        <source>F&amp;lag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="188" />
        <source>Flag the selected decision for follow-up, with the comment (Ctrl+Shift+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="190" />
        <source>Last hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="191" />
        <source>Last 24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="192" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="193" />
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="194" />
        <source>Everything</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="195" />
        <source>&amp;Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="196" />
        <source>Read the audit trail again (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="198" />
        <source>Field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="198" />
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="299" />
        <source>Select a decision first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="304" />
        <source>Say in the comment what is wrong before flagging.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="315" />
        <source>Not recorded: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="322" />
        <source>%1 flagged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="322" />
        <source>%1 marked as reviewed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="350" />
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="393" />
        <source>Cannot read the audit trail: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/DecisionsPage.cpp" line="395" />
        <source>%n decision(s) shown</source>
        <translation>
            <numerusform>%n decision shown</numerusform>
            <numerusform>%n decisions shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DecisionsPage.cpp" line="396" />
        <source>%n in the period</source>
        <translation>
            <numerusform>%n in the period</numerusform>
            <numerusform>%n in the period</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="407" />
        <source>Select a decision to see its details.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="412" />
        <source>Request id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="413" />
        <source>Time (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="414" />
        <source>Caller</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="415" />
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="416" />
        <source>Path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="417" />
        <source>Model requested</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="418" />
        <source>Model served</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="419" />
        <source>Tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="420" />
        <source>Endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="421" />
        <source>Decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="422" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="423" />
        <source>Sensitivity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="427" />
        <source>Finding types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="427" />
        <location filename="../ui/DecisionsPage.cpp" line="434" />
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="428" />
        <source>Policy version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="429" />
        <source>HTTP status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="430" />
        <source>Tokens in / out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="431" />
        <source>Latency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="431" />
        <location filename="../ui/DecisionsPage.cpp" line="432" />
        <location filename="../ui/DecisionsPage.cpp" line="433" />
        <source>%1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="432" />
        <source>Upstream time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="432" />
        <source>no upstream call</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="433" />
        <source>Time to first token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="433" />
        <source>not streamed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="434" />
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="437" />
        <source>Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="437" />
        <source>%1 by %2 at %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="439" />
        <source>not reviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="441" />
        <source>Review comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="443" />
        <source>Review history</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/DecisionsPage.cpp" line="443" />
        <source>%n action(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="446" />
        <source>%1 by %2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="453" />
        <source>Decision trace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="203" />
        <source>E&amp;xport current filter…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="204" />
        <source>Write an audit report (PDF, CSV, JSON) of the period, tier and decision shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="360" />
        <source>search &quot;%1&quot;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DecisionsPage.cpp" line="362" />
        <source>review state</source>
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
        <location filename="../ui/MainWindow.cpp" line="115" />
        <source>Gateway started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="115" />
        <source>Listening on %1 with policy %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119" />
        <source>Gateway stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119" />
        <source>The embedded gateway no longer accepts requests.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124" />
        <source>Alert firing: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124" />
        <source>Alert resolved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124" />
        <source>Gateway problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="189" />
        <source>Perimeter Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>Dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>Decisions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>Simulator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>Policy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190" />
        <source>Models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="197" />
        <source>&amp;Gateway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="198" />
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="199" />
        <source>&amp;Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="200" />
        <source>Start the embedded gateway (Ctrl+Shift+S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="201" />
        <source>S&amp;top</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="202" />
        <source>Stop accepting requests and let those in flight finish (Ctrl+Shift+X)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="203" />
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="205" />
        <source>Show the console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="278" />
        <source>Gateway down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="278" />
        <source>Gateway down (failed to start)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="280" />
        <location filename="../ui/MainWindow.cpp" line="287" />
        <source>Configuration: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="283" />
        <source>Gateway starting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="286" />
        <source>Gateway up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="288" />
        <source>Listening on %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="291" />
        <source>Gateway stopping…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="295" />
        <source>%1 req/s · %n in progress</source>
        <translation>
            <numerusform>%1 req/s · %n in progress</numerusform>
            <numerusform>%1 req/s · %n in progress</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="298" />
        <source>Policy %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="301" />
        <source>Perimeter: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="216" />
        <source>&amp;Export report…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="217" />
        <source>Write an audit report of the Decisions page&apos;s filter as PDF, CSV or JSON (Ctrl+E)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::ModelEditDialog</name>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="21" />
        <source>Add an on-prem model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="21" />
        <source>Edit an on-prem model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="26" />
        <source>e.g. llama-3.1-70b-instruct</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="30" />
        <source>e.g. 2024-07 or 3.1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="47" />
        <source>not stated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="48" />
        <source> tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="53" />
        <source> concurrent requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="66" />
        <source>why, for the history (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="69" />
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="70" />
        <source>&amp;Version:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="71" />
        <source>&amp;Kind:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="72" />
        <source>&amp;Endpoints:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="73" />
        <source>Context &amp;length:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="74" />
        <source>&amp;Capacity:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="75" />
        <source>&amp;Status:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="76" />
        <source>N&amp;otes:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="77" />
        <source>Co&amp;mment:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="89" />
        <source>&amp;Add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="89" />
        <source>&amp;Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="201" />
        <source>The registry refused this model:
%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="217" />
        <location filename="../ui/ModelEditDialog.cpp" line="219" />
        <source>is required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="221" />
        <source>choose at least one on-prem endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelEditDialog.cpp" line="227" />
        <source>Nothing was changed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::ModelsPage</name>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="158" />
        <source>On-prem models come from the model registry (seeded from the configuration); changes are served at once, without a restart. Cloud models and their prices come from the configuration&apos;s endpoints and cost table.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="160" />
        <source>&amp;Add model…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="161" />
        <source>Register an on-prem model version (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="162" />
        <source>&amp;Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="163" />
        <source>Change the selected version (F2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="164" />
        <source>&amp;Retire</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="165" />
        <source>Stop serving the selected version (Del)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="166" />
        <source>Re&amp;fresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="167" />
        <source>Read the registry and endpoint health again (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="168" />
        <source>On-prem models (registry)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="169" />
        <source>Cloud models (configuration) with list prices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="170" />
        <source>Version history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="170" />
        <source>Version history of %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/ModelsPage.cpp" line="220" />
        <source>%n registered version(s), %1 served on-prem; %2 cloud model(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="224" />
        <source>Health checks are off: health shows only failures seen by requests.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="330" />
        <source>Saved %1 version %2; the gateway serves the change now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="345" />
        <source>Retire model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="346" />
        <source>Retire %1 version %2? The gateway stops serving it now; callers asking for it get &quot;model not found&quot; unless another version is in service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="351" />
        <source>retired in the console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ModelsPage.cpp" line="366" />
        <source>Retired %1 version %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyCellDelegate</name>
    <message>
        <location filename="../ui/PolicyCellDelegate.cpp" line="16" />
        <source>(default)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyEditorPage</name>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="208" />
        <source>Version #%1 cannot be read: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="211" />
        <source>Changes from version #%1 (%2) to the active policy:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="245" />
        <source>The active policy changed to %1 outside this editor; your edits are kept (Reload discards them).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="321" />
        <source>Policy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="322" />
        <source>V&amp;ersion:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="323" />
        <source>empty: derived from the content</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="324" />
        <source>&amp;Comment:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="325" />
        <source>why this change (kept in the version history)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="326" />
        <source>&amp;Apply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="327" />
        <source>Validate and apply the edited policy to new requests (Ctrl+Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="328" />
        <source>Rever&amp;t</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="329" />
        <source>Discard the edits and show the active policy again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="330" />
        <source>&amp;Reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="331" />
        <source>Load the active policy from the gateway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>&amp;Levels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>T&amp;ypes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>&amp;Overrides</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>&amp;Markers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>Recog&amp;nizers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="332" />
        <source>Mo&amp;dels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="333" />
        <source>&amp;JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="333" />
        <source>D&amp;iff</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="333" />
        <source>&amp;History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="337" />
        <source>Add row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="338" />
        <source>Add a row (Insert in the table)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="339" />
        <source>Remove row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="340" />
        <source>Remove the current row (Ctrl+Delete in the table)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="342" />
        <source>The whole policy document. Edits here update the tables (and the other way round); see docs/policy-reference.md for every key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="344" />
        <source>Compare &amp;with active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="345" />
        <source>Roll &amp;back to this version…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="346" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="347" />
        <source>&amp;Problems (by JSON path; Enter goes to the cell):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="383" />
        <source>Editing the active policy %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="445" />
        <source>/: not valid JSON: %1 (at character %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="446" />
        <source>/: must be an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="543" />
        <source>Start the gateway to edit its policy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="551" />
        <source>Checking…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/PolicyEditorPage.cpp" line="553" />
        <source>%n problem(s): this policy cannot be applied.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="555" />
        <source>Valid; not applied yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="557" />
        <source>No changes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="558" />
        <source>Active policy: %1. Edited policy: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="570" />
        <source>No differences from the active policy %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="573" />
        <source>Changes from the active policy %1 to the edited one:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="599" />
        <source>The policy has problems and cannot be applied; see the list below.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="612" />
        <source>Applying…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="622" />
        <source>Rolling back to version #%1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="630" />
        <source>Select a version in the history first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="634" />
        <source>Roll back the policy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="635" />
        <source>Apply version #%1 (%2) again? New requests will be routed under it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="658" />
        <source>Policy %1 applied (history #%2); new requests use it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyEditorPage.cpp" line="676" />
        <source>The version history cannot be read: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyHistoryModel</name>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="54" />
        <source>%1 (active)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="82" />
        <source>#</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="84" />
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="86" />
        <source>Applied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="88" />
        <source>Author</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyHistoryModel.cpp" line="90" />
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyLevelsModel</name>
    <message>
        <location filename="../ui/PolicyLevelsModel.cpp" line="53" />
        <source>Sensitivity level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyLevelsModel.cpp" line="53" />
        <source>Permitted tiers (in preference order)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyLevelsModel.cpp" line="58" />
        <source>Tiers this level may use, most preferred first; &quot;none&quot; refuses the level everywhere.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyMarkersModel</name>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="73" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="75" />
        <source>Finding type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="77" />
        <source>Level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="79" />
        <source>Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="81" />
        <source>Terms (separated by ;)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="88" />
        <source>Keywords matched case-insensitively; any run of spaces matches any run of spaces. Separate them with ;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="90" />
        <source>Empty: the level of the finding type (ORG_MARKER: confidential).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="98" />
        <source>Give the list a name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyMarkersModel.cpp" line="104" />
        <source>List at least one term.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyModelRulesModel</name>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="65" />
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="67" />
        <source>Teams allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="69" />
        <source>Callers allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="71" />
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="78" />
        <source>Separated by commas. Other callers get model_not_found and do not see the model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="87" />
        <source>Name the model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="90" />
        <source>Model %1 has two rules.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyModelRulesModel.cpp" line="96" />
        <source>Allow at least one team or caller.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyOverridesModel</name>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="111" />
        <source>Applies to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="113" />
        <source>Team or caller</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="115" />
        <source>Public</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="117" />
        <source>Internal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="119" />
        <source>Confidential</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="121" />
        <source>Restricted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="123" />
        <source>Exception</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="125" />
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="132" />
        <source>Tiers for this level, most preferred first; empty: as the policy says; &quot;none&quot;: refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="134" />
        <source>An exception may permit tiers the policy does not; without it an override may only tighten.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyOverridesModel.cpp" line="141" />
        <source>Name the team or the caller.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyRecognizersModel</name>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="80" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="82" />
        <source>Finding type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="84" />
        <source>Pattern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="86" />
        <source>Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="88" />
        <source>Level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="90" />
        <source>Context words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="92" />
        <source>Ignore case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="100" />
        <source>A regular expression (PCRE subset: no look-around, no back-references).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="102" />
        <source>With context words (separated by commas) a match scores fully only near one of them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="104" />
        <source>Empty: the level of the finding type.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="114" />
        <source>Give the recognizer a name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="120" />
        <source>A pattern is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyRecognizersModel.cpp" line="123" />
        <source>Not a valid regular expression: %1 (at %2).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyTableModel</name>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="300" />
        <source>List the permitted tiers in preference order (onprem, cloud) or write &quot;none&quot;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="304" />
        <source>&quot;%1&quot; is not a tier: use onprem and/or cloud.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="306" />
        <source>Tier %1 is listed twice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="315" />
        <source>A number between 0 and 1 is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="319" />
        <source>&quot;%1&quot; is not a number (use a point for decimals).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="321" />
        <source>Must be between 0 and 1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTableModel.cpp" line="342" />
        <source>Type names are upper-case letters, digits and _ (at most 64).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::PolicyTypesModel</name>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="93" />
        <source>Finding type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="95" />
        <source>Level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="97" />
        <source>Score threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="99" />
        <source>Recognizers off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="107" />
        <source>The finding type, e.g. PHONE_NUMBER or EMPLOYEE_ID.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="109" />
        <source>The sensitivity level a finding of this type gives the request; empty: the type&apos;s default.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="111" />
        <source>Findings scoring below this (0 to 1) do not count; empty: the recognizer&apos;s default.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="113" />
        <source>Turns the built-in recognizers of this type off.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/PolicyTypesModel.cpp" line="125" />
        <source>Type %1 is listed twice.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::RegistryCloudModel</name>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="50" />
        <source>%1 (also on-prem)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="57" />
        <location filename="../ui/RegistryCloudModel.cpp" line="61" />
        <source>no price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="68" />
        <source>configuration, %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="69" />
        <source>built-in list price, %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="75" />
        <source>The cost table has no price for %1; its requests are recorded without a cost.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="87" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="89" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="91" />
        <source>Endpoints</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="93" />
        <source>Input / 1M tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="95" />
        <source>Output / 1M tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryCloudModel.cpp" line="97" />
        <source>Price from</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::RegistryHistoryModel</name>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="28" />
        <source>seeded from the configuration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="30" />
        <source>added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="32" />
        <source>edited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="34" />
        <source>retired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="74" />
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="76" />
        <source>Before:
%1
After:
%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="87" />
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="89" />
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="91" />
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="93" />
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="95" />
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryHistoryModel.cpp" line="97" />
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::RegistryModelsModel</name>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="45" />
        <source>active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="47" />
        <source>draining</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="49" />
        <source>retired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="57" />
        <source>chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="59" />
        <source>completion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="61" />
        <source>embedding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="83" />
        <source>down (0/%1 endpoints up)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="85" />
        <source>degraded (%1/%2 endpoints up)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="86" />
        <source>healthy (%1/%2 endpoints up)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="121" />
        <source>not stated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="127" />
        <source>%1, served</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="139" />
        <source>The gateway serves this version for requests naming %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="141" />
        <source>Retired: not served.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="142" />
        <source>Not served: another version of %1 is active.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="151" />
        <source>%1: not in the configuration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="153" />
        <source>%1: circuit open after failures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="155" />
        <source>%1: down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="157" />
        <source>%1: up, %2 of %3 in flight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="176" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="178" />
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="180" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="182" />
        <source>Endpoints</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="184" />
        <source>Context length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="186" />
        <source>Capacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="188" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/RegistryModelsModel.cpp" line="190" />
        <source>Health</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::ReportExportDialog</name>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="147" />
        <source>Export report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="148" />
        <source>&amp;Period:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="149" />
        <source>&amp;Whole trail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="150" />
        <source>Export every stored record, whatever its time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="151" />
        <source>Filter:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="152" />
        <source>&amp;Format:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="153" />
        <source>PDF document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="154" />
        <source>CSV (spreadsheet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="155" />
        <source>JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="156" />
        <source>Include the &amp;records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="157" />
        <source>Add every matching record to the report, not only the figures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="158" />
        <source>&amp;Save to:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="159" />
        <source>File to write</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="160" />
        <source>&amp;Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="161" />
        <source>&amp;Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="162" />
        <source>Cancel e&amp;xport</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="163" />
        <source>%p %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="235" />
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="238" />
        <source>tier: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="239" />
        <source>decision: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="240" />
        <source>sensitivity: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="241" />
        <source>team: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="242" />
        <source>caller: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="243" />
        <source>model: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="244" />
        <source>endpoint: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="245" />
        <source>reason: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="246" />
        <source>all requests of the period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="248" />
        <source>Not part of the report (the report filters by field only): %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="257" />
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="259" />
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="261" />
        <source>JSON files (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="264" />
        <source>audit-report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="266" />
        <source>Save report as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="267" />
        <source>All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="280" />
        <source>Choose the file to save the report to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="284" />
        <source>&quot;%1&quot; is a folder: choose a file name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="286" />
        <source>The folder &quot;%1&quot; does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="289" />
        <source>The period is empty: &quot;from&quot; must be before &quot;to&quot;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="297" />
        <source>Exporting…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/ReportExportDialog.cpp" line="306" />
        <source>Report saved to %1 (%n record(s)).</source>
        <translation>
            <numerusform>Report saved to %1 (%n record).</numerusform>
            <numerusform>Report saved to %1 (%n records).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="315" />
        <source>The report could not be exported: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="323" />
        <source>Export cancelled: no file was written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ReportExportDialog.cpp" line="333" />
        <source>Cancelling…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>perimeter::ui::ScreenshotRunner</name>
    <message>
        <location filename="../ui/ScreenshotRunner.cpp" line="72" />
        <source>Card number sent towards a cloud model: ask the team why.</source>
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
