<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertsModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="198"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="198"/>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="198"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="198"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>AlertsPane</name>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="204"/>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="205"/>
        <source>All (history)</source>
        <translation>全部（历史）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="206"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="207"/>
        <source>Resolved</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="213"/>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="215"/>
        <source>Follow the suggestion…</source>
        <translation>按建议调配…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="217"/>
        <source>Chime</source>
        <translation>提示音</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="221"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>CaseStepDialog</name>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="146"/>
        <source>Assign the case</source>
        <translation>指派工单</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="147"/>
        <source>Record a call-back</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="148"/>
        <source>Verify the rating</source>
        <translation>核实差评</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="149"/>
        <source>Confirm the exclusion</source>
        <translation>确认剔除差评</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="150"/>
        <source>Record the rectification</source>
        <translation>登记整改</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="151"/>
        <source>Record the revisit</source>
        <translation>登记复访</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="152"/>
        <source>Close the case</source>
        <translation>办结工单</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="159"/>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="160"/>
        <source>Assignee</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="162"/>
        <source>Reached the citizen</source>
        <translation>已联系到群众</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="168"/>
        <source>Valid</source>
        <translation>属实</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="169"/>
        <source>Mistaken rating</source>
        <translation>误评</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="170"/>
        <source>Malicious rating</source>
        <translation>恶意差评</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="171"/>
        <source>Not this hall</source>
        <translation>非本大厅</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="175"/>
        <source>Verdict</source>
        <translation>核实结论</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="177"/>
        <source>Approve the exclusion</source>
        <translation>同意剔除</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="182"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="183"/>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="184"/>
        <source>No answer</source>
        <translation>未表态</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="186"/>
        <source>The citizen&apos;s view</source>
        <translation>群众意见</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="187"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="187"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="229"/>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="230"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="231"/>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="232"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="233"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="234"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="235"/>
        <source>Assignee</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="250"/>
        <source>(overdue)</source>
        <translation>（已超期）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="252"/>
        <source>(due soon)</source>
        <translation>（即将到期）</translation>
    </message>
</context>
<context>
    <name>CasesPane</name>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="272"/>
        <source>Not closed</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="273"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="274"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="275"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="283"/>
        <source>Assign…</source>
        <translation>指派…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="284"/>
        <source>Call-back…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="285"/>
        <source>Verify…</source>
        <translation>核实…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="286"/>
        <source>Confirm exclusion…</source>
        <translation>确认剔除…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="287"/>
        <source>Rectify…</source>
        <translation>整改…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="288"/>
        <source>Revisit…</source>
        <translation>复访…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="289"/>
        <source>Close…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="292"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="311"/>
        <source>{n} cases, {o} overdue</source>
        <translation>共{n}件，超期{o}件</translation>
    </message>
</context>
<context>
    <name>CategoriesModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="165"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="166"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="167"/>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="168"/>
        <source>Estimated wait</source>
        <translation>预计等候</translation>
    </message>
</context>
<context>
    <name>ExportPane</name>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="552"/>
        <source>Service report</source>
        <translation>服务情况报表</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="553"/>
        <source>Clerk assessment</source>
        <translation>人员考核</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="554"/>
        <source>Monthly window ranking</source>
        <translation>窗口月度排名</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="555"/>
        <source>Bad-rating cases</source>
        <translation>差评整改</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="562"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="566"/>
        <source>Excel (XLSX)</source>
        <translation>Excel（XLSX）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="567"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="568"/>
        <source>Printable PDF</source>
        <translation>打印版PDF</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="582"/>
        <source>Preparing the file…</source>
        <translation>正在生成文件…</translation>
    </message>
</context>
<context>
    <name>HallPane</name>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="116"/>
        <source>Pause…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="117"/>
        <source>Resume</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="118"/>
        <source>Sign out clerk…</source>
        <translation>签退人员…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="119"/>
        <source>Serve categories…</source>
        <translation>调整业务…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="120"/>
        <source>End tidal</source>
        <translation>结束潮汐</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="130"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="138"/>
        <source>Queues</source>
        <translation>排队情况</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="166"/>
        <source>Help desk: {n} on duty</source>
        <translation>咨询台：{n}人在岗</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="168"/>
        <source>Help desk: nobody on duty</source>
        <translation>咨询台：无人值守</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="170"/>
        <source>Open alerts: {a} · open cases: {c} · overdue: {o}</source>
        <translation>未处理提醒：{a} · 未办结工单：{c} · 超期：{o}</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/supervisor/window.py" line="48"/>
        <source>Hall supervisor</source>
        <translation>大厅主管</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="48"/>
        <source>e.g. 3001</source>
        <translation>例如 3001</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="48"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="64"/>
        <source>Pause window {no}</source>
        <translation>暂停{no}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="70"/>
        <source>Expected back at</source>
        <translation>预计恢复</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="72"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="74"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="343"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="344"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="345"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="350"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="352"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="354"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>ReportPane</name>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="514"/>
        <source>Tickets by hour</source>
        <translation>分时段取号</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="515"/>
        <source>Wait distribution</source>
        <translation>等候时长分布</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="516"/>
        <source>Satisfaction by clerk (%)</source>
        <translation>人员满意率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="517"/>
        <source>Satisfaction by window (%)</source>
        <translation>窗口满意率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="527"/>
        <source>Window {no}</source>
        <translation>{no}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panes.py" line="532"/>
        <source>{title} ({unit})</source>
        <translation>{title}（{unit}）</translation>
    </message>
</context>
<context>
    <name>ServeDialog</name>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="97"/>
        <source>Window {no} serves</source>
        <translation>{no}号窗口办理业务</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="107"/>
        <source>Until</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="109"/>
        <source>Categories</source>
        <translation>业务类别</translation>
    </message>
</context>
<context>
    <name>Supervisor</name>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="12"/>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="13"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="14"/>
        <source>Meal</source>
        <translation>用餐</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="15"/>
        <source>Short leave</source>
        <translation>临时离开</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="16"/>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="17"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="27"/>
        <source>Long wait</source>
        <translation>等候过长</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="28"/>
        <source>Open another window</source>
        <translation>建议增开窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="29"/>
        <source>Window idle</source>
        <translation>疑似空岗</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="30"/>
        <source>Pause too long</source>
        <translation>暂停超时</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="31"/>
        <source>Question unclaimed</source>
        <translation>咨询无人认领</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="32"/>
        <source>Help desk unstaffed</source>
        <translation>咨询台无人</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="33"/>
        <source>Printer failure</source>
        <translation>打印故障</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="34"/>
        <source>Bad rating</source>
        <translation>差评</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="35"/>
        <source>Case due soon</source>
        <translation>工单即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="36"/>
        <source>Case overdue</source>
        <translation>工单已超期</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="37"/>
        <source>Sync refused</source>
        <translation>同步被拒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="44"/>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="45"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="46"/>
        <source>Resolved</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="53"/>
        <source>Opened</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="54"/>
        <source>Assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="55"/>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="56"/>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="57"/>
        <source>Exclusion pending</source>
        <translation>申诉复核中</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="58"/>
        <source>Excluded</source>
        <translation>已剔除</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="59"/>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="60"/>
        <source>Revisited</source>
        <translation>已复访</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="61"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="69"/>
        <source>{n} min</source>
        <translation>{n}分钟</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="77"/>
        <source>{category}: {waiting} waiting, {open} windows open</source>
        <translation>{category}：{waiting}人等候，开放窗口{open}个</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="83"/>
        <source>suggest window {no} {who}</source>
        <translation>建议开{no}号窗口 {who}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="88"/>
        <source>{category}: longest wait {wait}, {waiting} waiting</source>
        <translation>{category}：最长等候{wait}，{waiting}人等候</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="96"/>
        <source>Window {no} ({clerk})</source>
        <translation>{no}号窗口（{clerk}）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="100"/>
        <source>Ticket {number}, rated {level}</source>
        <translation>{number}号，评价{level}级</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="104"/>
        <source>Ticket {number}, deadline {deadline}</source>
        <translation>{number}号，期限{deadline}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="108"/>
        <source>{device}: {error}</source>
        <translation>{device}：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="112"/>
        <source>Question {number}: {topic}</source>
        <translation>咨询{number}：{topic}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/texts.py" line="116"/>
        <source>{n} questions waiting, nobody at the help desk</source>
        <translation>{n}个咨询待处理，咨询台无人在岗</translation>
    </message>
</context>
<context>
    <name>SupervisorSession</name>
    <message>
        <location filename="../../ui/supervisor/session.py" line="78"/>
        <source>This account is not a hall supervisor.</source>
        <translation>该账号不是大厅主管。</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/supervisor/window.py" line="60"/>
        <source>Hall supervisor</source>
        <translation>大厅主管</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="85"/>
        <source>Live hall</source>
        <translation>实时大厅</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="86"/>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="87"/>
        <source>Cases</source>
        <translation>差评整改</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="88"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="89"/>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="90"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="100"/>
        <source>Sign out</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="132"/>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="154"/>
        <source>{name} ({no}) · hall supervisor</source>
        <translation>{name}（{no}）· 大厅主管</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="228"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="228"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="256"/>
        <source>Sign the clerk out of window {no}</source>
        <translation>签退{no}号窗口人员</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="256"/>
        <location filename="../../ui/supervisor/window.py" line="265"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/window.py" line="265"/>
        <source>Acknowledge the alert</source>
        <translation>确认提醒</translation>
    </message>
</context>
<context>
    <name>WindowsModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="94"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="95"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="96"/>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="97"/>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="98"/>
        <source>Served today</source>
        <translation>今日办理</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="99"/>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="100"/>
        <source>Serves</source>
        <translation>办理业务</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="105"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="107"/>
        <source>Paused: {reason}, {minutes}</source>
        <translation>暂停：{reason}，{minutes}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="112"/>
        <source>back {time}</source>
        <translation>预计{time}恢复</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="114"/>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="116"/>
        <source>Idle (alert)</source>
        <translation>疑似空岗</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="118"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="121"/>
        <source>tidal until {time}</source>
        <translation>潮汐至{time}</translation>
    </message>
</context>
</TS>
