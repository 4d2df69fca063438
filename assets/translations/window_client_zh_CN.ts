<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/window_client/actions.py" line="36"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/actions.py" line="37"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/actions.py" line="38"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/actions.py" line="39"/>
        <source>Start</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/actions.py" line="40"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/actions.py" line="41"/>
        <source>Call number</source>
        <translation>指定叫号</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/actions.py" line="42"/>
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/actions.py" line="43"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/actions.py" line="44"/>
        <source>Resume</source>
        <translation>恢复服务</translation>
    </message>
</context>
<context>
    <name>CallNumberPage</name>
    <message>
        <location filename="../../ui/window_client/pages.py" line="91"/>
        <source>Call a specific number</source>
        <translation>指定叫号</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="91"/>
        <source>Call</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="94"/>
        <source>e.g. A012</source>
        <translation>例如 A012</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="96"/>
        <source>For a citizen who missed their call or was sent here by name.</source>
        <translation>用于过号后返回或被指定到本窗口的办事群众。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="108"/>
        <source>Type the number to call.</source>
        <translation>请输入要呼叫的号码。</translation>
    </message>
</context>
<context>
    <name>ClerkSession</name>
    <message>
        <location filename="../../ui/window_client/commands.py" line="50"/>
        <source>Cannot reach the hall server: calling is off. Pauses, notes and finished services are saved here and sent when it is back.</source>
        <translation>无法连接服务器：暂停叫号。暂停、备注和办结记录已保存在本机，恢复连接后自动发送。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/commands.py" line="54"/>
        <source>Sending saved actions first…</source>
        <translation>正在发送本机保存的操作…</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/commands.py" line="81"/>
        <source>Signed out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/commands.py" line="109"/>
        <source>Nobody is waiting for this window.</source>
        <translation>本窗口暂无等候的号码。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/commands.py" line="132"/>
        <source>{number} marked as a no-show.</source>
        <translation>{number} 已标记为过号。</translation>
    </message>
</context>
<context>
    <name>CorrectionPage</name>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="77"/>
        <source>Correction: tick what is missing</source>
        <translation>补正：请勾选缺少的材料</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="77"/>
        <source>Record and print notice</source>
        <translation>记录并打印告知单</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="92"/>
        <source>Note for the citizen (optional)</source>
        <translation>给办事群众的说明（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="94"/>
        <source>The one-time notice lists every standard material and marks the missing ones.</source>
        <translation>一次性告知单列出全部标准材料，并标明所缺材料。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="130"/>
        <source> (optional)</source>
        <translation>（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="136"/>
        <source>This item lists no materials.</source>
        <translation>该事项无申请材料。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="144"/>
        <source>Choose the service item.</source>
        <translation>请选择办理事项。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="145"/>
        <source>Tick at least one missing material.</source>
        <translation>请至少勾选一项缺少的材料。</translation>
    </message>
</context>
<context>
    <name>FinishFlow</name>
    <message>
        <location filename="../../ui/window_client/finishing.py" line="54"/>
        <source>Correction recorded; printing the one-time notice…</source>
        <translation>补正已记录，正在打印一次性告知单…</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finishing.py" line="60"/>
        <source>One-time notice printed: hand it to the citizen.</source>
        <translation>一次性告知单已打印，请交给办事群众。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finishing.py" line="62"/>
        <source>The notice did not print ({error}); check the printer and print again.</source>
        <translation>告知单打印失败（{error}），请检查打印机后重新打印。</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="32"/>
        <source>Finish: what is the outcome?</source>
        <translation>办结：办理结果是？</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="32"/>
        <location filename="../../ui/window_client/finish_pages.py" line="54"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="35"/>
        <source>Reason for the rejection (required)</source>
        <translation>不予受理的理由（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="37"/>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="54"/>
        <source>Next: missing materials</source>
        <translation>下一步：勾选缺少的材料</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="55"/>
        <source> (Enter)</source>
        <translation>（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="59"/>
        <source>Choose the outcome (1–4).</source>
        <translation>请选择办理结果（1–4）。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/finish_pages.py" line="61"/>
        <source>A rejection needs a reason.</source>
        <translation>不予受理需填写理由。</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/window_client/header.py" line="20"/>
        <source>Window {no}</source>
        <translation>{no}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/header.py" line="31"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/header.py" line="56"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/header.py" line="56"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/header.py" line="58"/>
        <source>To send: {n}</source>
        <translation>待发送 {n}</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/window_client/login.py" line="14"/>
        <source>Window {no}</source>
        <translation>{no}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/login.py" line="15"/>
        <source>e.g. 1001</source>
        <translation>例如 1001</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/login.py" line="16"/>
        <source>Sign in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../ui/window_client/page.py" line="41"/>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/page.py" line="42"/>
        <source> (Enter)</source>
        <translation>（回车）</translation>
    </message>
</context>
<context>
    <name>PausePage</name>
    <message>
        <location filename="../../ui/window_client/pages.py" line="21"/>
        <source>Pause service: why?</source>
        <translation>暂停服务：原因是？</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="21"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="24"/>
        <source>Note (required for “Other”)</source>
        <translation>说明（选择“其他”时必填）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="35"/>
        <source>Choose a reason (1–6).</source>
        <translation>请选择原因（1–6）。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="37"/>
        <source>Please write a note for “Other”.</source>
        <translation>选择“其他”时请填写说明。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="80"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="80"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="80"/>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
</context>
<context>
    <name>SessionBase</name>
    <message>
        <location filename="../../ui/window_client/session.py" line="115"/>
        <source>You were signed out of this window (day close).</source>
        <translation>您已退出本窗口（日终结束）。</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/session.py" line="169"/>
        <source>The server refused a saved action: {reason}</source>
        <translation>服务器拒绝了一项已保存的操作：{reason}</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="109"/>
        <source>Waiting at this window</source>
        <translation>本窗口等候情况</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="110"/>
        <source>My figures today</source>
        <translation>我的今日数据</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="121"/>
        <source>Completed</source>
        <translation>办结件数</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="122"/>
        <source>Average handling</source>
        <translation>平均办理时长</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="123"/>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="124"/>
        <source>Ratings</source>
        <translation>评价数</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="125"/>
        <source>Average rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="126"/>
        <source>Satisfied (3–5)</source>
        <translation>好评率（基本满意及以上）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/side_panel.py" line="184"/>
        <source>This window calls only: {names}</source>
        <translation>本窗口只叫：{names}</translation>
    </message>
</context>
<context>
    <name>TicketPanel</name>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="38"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="39"/>
        <source>Transferred</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="43"/>
        <source>Real name</source>
        <translation>实名</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="44"/>
        <source>Second trip for this item</source>
        <translation>同一事项再次来办</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="82"/>
        <source>Materials for this item</source>
        <translation>本事项所需材料</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="104"/>
        <source> (optional)</source>
        <translation>（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="135"/>
        <source>Paused: {reason}</source>
        <translation>暂停服务：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="138"/>
        <source>No current ticket: press F1 to call the next</source>
        <translation>当前无号码：按 F1 叫下一位</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="152"/>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="152"/>
        <source>Called: waiting for the citizen</source>
        <translation>已叫号：等候办事群众到窗口</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="162"/>
        <source>Recalled {n}×</source>
        <translation>已重呼{n}次</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="171"/>
        <source>No service item chosen at the kiosk</source>
        <translation>取号时未选择具体事项</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="175"/>
        <source>Note from the transfer: {note}</source>
        <translation>转办备注：{note}</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="187"/>
        <source>Waited {time}</source>
        <translation>已等候 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="190"/>
        <source>Serving for {time}</source>
        <translation>办理用时 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/ticket_panel.py" line="194"/>
        <source>Called {time} ago</source>
        <translation>叫号后 {time}</translation>
    </message>
</context>
<context>
    <name>TransferPage</name>
    <message>
        <location filename="../../ui/window_client/pages.py" line="49"/>
        <source>Transfer the citizen (keeps their place)</source>
        <translation>转办（保留原排队时间）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="49"/>
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="51"/>
        <source>To a category</source>
        <translation>转到业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="53"/>
        <source>To a window</source>
        <translation>转到窗口</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="57"/>
        <source>Note for the next clerk (what was done, what is needed)</source>
        <translation>给下一位工作人员的备注（已办理情况、还需办理的事项）</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/pages.py" line="76"/>
        <source>Window {no}: {name}</source>
        <translation>{no}号窗口：{name}</translation>
    </message>
</context>
<context>
    <name>WindowClient</name>
    <message>
        <location filename="../../ui/window_client/main_window.py" line="97"/>
        <source>Window {no} – window client</source>
        <translation>{no}号窗口 – 窗口叫号端</translation>
    </message>
</context>
<context>
    <name>WindowTexts</name>
    <message>
        <location filename="../../ui/window_client/texts.py" line="15"/>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/texts.py" line="16"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/texts.py" line="17"/>
        <source>Correction needed</source>
        <translation>补正</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/texts.py" line="18"/>
        <source>Rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/texts.py" line="25"/>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/texts.py" line="26"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/texts.py" line="27"/>
        <source>Meal</source>
        <translation>用餐</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/texts.py" line="28"/>
        <source>Short leave</source>
        <translation>临时离开</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/texts.py" line="29"/>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/texts.py" line="30"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/window_client/texts.py" line="52"/>
        <source>{n} min</source>
        <translation>{n}分钟</translation>
    </message>
</context>
</TS>
