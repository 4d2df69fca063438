<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionArea</name>
    <message>
        <location filename="../../ui/help_desk/actions.py" line="30"/>
        <source>Resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/actions.py" line="32"/>
        <source>Save answer</source>
        <translation>保存答复</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/actions.py" line="33"/>
        <source>Make this an FAQ</source>
        <translation>设为常见问题</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/actions.py" line="35"/>
        <source>Give a queue number</source>
        <translation>转为排队号</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/actions.py" line="37"/>
        <source>Note for a referral, handover or ticket</source>
        <translation>说明（转交主管、移交或取号时填写）</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/actions.py" line="39"/>
        <source>Refer to supervisor</source>
        <translation>转交主管</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/actions.py" line="41"/>
        <source>Hand over</source>
        <translation>移交</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/actions.py" line="44"/>
        <source>Print number</source>
        <translation>打印排队号</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/actions.py" line="104"/>
        <source>Queue number {n}: please read it out to the citizen</source>
        <translation>排队号 {n}：请告知群众</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/actions.py" line="125"/>
        <source>Write a note first: the next person needs to know why.</source>
        <translation>请先填写说明，让接手的人知道原因。</translation>
    </message>
</context>
<context>
    <name>AlertStrip</name>
    <message>
        <location filename="../../ui/help_desk/header.py" line="93"/>
        <source>{number} ({topic}) has waited over {m} min with nobody answering</source>
        <translation>{number}（{topic}）等待超过{m}分钟无人接待</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/header.py" line="102"/>
        <source>{n} questions waiting and nobody on duty</source>
        <translation>{n}个咨询待处理，咨询台无人在岗</translation>
    </message>
</context>
<context>
    <name>ConsultationModel</name>
    <message>
        <location filename="../../ui/help_desk/model.py" line="84"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/model.py" line="85"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/model.py" line="86"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/model.py" line="87"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/model.py" line="88"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/model.py" line="89"/>
        <source>Waited</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/model.py" line="128"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
</context>
<context>
    <name>ConsultationPanel</name>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="55"/>
        <source>Claim: I will answer this</source>
        <translation>接待：由我负责答复</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="61"/>
        <source>Answer for the citizen</source>
        <translation>给群众的答复</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="74"/>
        <source>Choose a question on the left.</source>
        <translation>请在左侧选择一个咨询。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="135"/>
        <source>Call back: {phone}</source>
        <translation>回电：{phone}</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="138"/>
        <source>Referred to {name}</source>
        <translation>已转交{name}</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="139"/>
        <source>Referred to the supervisors</source>
        <translation>已转交大厅主管</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="141"/>
        <source>FAQ drafted</source>
        <translation>已生成常见问题</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="145"/>
        <source>Owner: {name}</source>
        <translation>负责人：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="168"/>
        <source>{name} is answering this question (首问负责).</source>
        <translation>{name}正在接待该咨询（首问负责）。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="177"/>
        <source>claimed</source>
        <translation>接待</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="178"/>
        <source>answered</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="179"/>
        <source>handed over</source>
        <translation>移交</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="180"/>
        <source>resolved</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="181"/>
        <source>gave number</source>
        <translation>转为排队号</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="182"/>
        <source>referred</source>
        <translation>转交主管</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="186"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/detail.py" line="191"/>
        <source> (nobody on duty)</source>
        <translation>（咨询台无人在岗，自动转号）</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <location filename="../../ui/help_desk/session.py" line="111"/>
        <source>This account is not help-desk staff.</source>
        <translation>该账号不是咨询台工作人员。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/session.py" line="155"/>
        <source>Cannot reach the hall server: claiming and queue numbers are off. Answers, resolves, handovers and drafts are saved here and sent when it is back.</source>
        <translation>无法连接大厅服务器：暂停接待和取号。答复、办结、移交和草稿会先保存在本机，恢复连接后自动发送。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/session.py" line="159"/>
        <source>Sending saved actions first…</source>
        <translation>正在发送已保存的操作…</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/session.py" line="202"/>
        <source>The server refused a saved action: {reason}</source>
        <translation>服务器拒绝了一项已保存的操作：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/session.py" line="234"/>
        <source>Saved here: it is sent when the hall server is back.</source>
        <translation>已保存在本机，恢复连接后自动发送。</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <location filename="../../ui/help_desk/figures_page.py" line="37"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/figures_page.py" line="43"/>
        <source>Questions</source>
        <translation>咨询总数</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/figures_page.py" line="44"/>
        <source>Time to claim (avg)</source>
        <translation>平均接待用时</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/figures_page.py" line="45"/>
        <source>Time to resolve (avg)</source>
        <translation>平均办结用时</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/figures_page.py" line="46"/>
        <source>Became queue numbers</source>
        <translation>转为排队号</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/figures_page.py" line="47"/>
        <source>Became FAQs</source>
        <translation>生成常见问题</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/figures_page.py" line="48"/>
        <source>Unclaimed alerts</source>
        <translation>超时未接待提醒</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/figures_page.py" line="71"/>
        <source>By topic</source>
        <translation>按主题</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/figures_page.py" line="83"/>
        <source>Figures for {day}</source>
        <translation>{day} 统计</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/figures_page.py" line="105"/>
        <source>No questions yet today.</source>
        <translation>今天还没有咨询。</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/help_desk/header.py" line="23"/>
        <source>Help desk</source>
        <translation>咨询台</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/header.py" line="41"/>
        <source>Sign out</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/header.py" line="61"/>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/header.py" line="61"/>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/header.py" line="64"/>
        <source>{n} on duty</source>
        <translation>{n}人在岗</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/header.py" line="66"/>
        <source>Desk unstaffed: questions become queue numbers</source>
        <translation>无人在岗：咨询将转为排队号</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/header.py" line="71"/>
        <source>To send: {n}</source>
        <translation>待发送 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/header.py" line="75"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/header.py" line="75"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>HelpDeskTexts</name>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="15"/>
        <source>Waiting</source>
        <translation>待接待</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="16"/>
        <source>Being answered</source>
        <translation>接待中</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="17"/>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="18"/>
        <source>Ticket issued</source>
        <translation>已取号</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="19"/>
        <source>With supervisor</source>
        <translation>已转主管</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="22"/>
        <source>Kiosk</source>
        <translation>取号机</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="23"/>
        <source>Phone page</source>
        <translation>手机页面</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="24"/>
        <source>Window referral</source>
        <translation>窗口转来</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="25"/>
        <source>At the desk</source>
        <translation>咨询台登记</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="29"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="30"/>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="31"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="32"/>
        <source>Center standard</source>
        <translation>中心标准</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/texts.py" line="76"/>
        <source>{m} min {s} s</source>
        <translation>{m}分{s}秒</translation>
    </message>
</context>
<context>
    <name>HelpDeskWindow</name>
    <message>
        <location filename="../../ui/help_desk/window.py" line="45"/>
        <source>Help desk</source>
        <translation>咨询台</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/window.py" line="69"/>
        <source>Questions</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/window.py" line="70"/>
        <source>FAQs and notices</source>
        <translation>常见问题与通知</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/window.py" line="71"/>
        <source>Today&apos;s figures</source>
        <translation>今日统计</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/window.py" line="147"/>
        <source>Back to the open list</source>
        <translation>放回待接待列表</translation>
    </message>
</context>
<context>
    <name>ItemLinks</name>
    <message>
        <location filename="../../ui/help_desk/items.py" line="53"/>
        <source>Link a service item: type its name or code</source>
        <translation>关联事项：输入事项名称或编码</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/items.py" line="65"/>
        <source>Print notice</source>
        <translation>打印告知单</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/items.py" line="66"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>KnowledgeEditor</name>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="38"/>
        <source>Item codes, e.g. HJ-002</source>
        <translation>事项编码，如 HJ-002</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="39"/>
        <source>Words a citizen might type</source>
        <translation>群众可能输入的词语</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="46"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="47"/>
        <source>Linked items</source>
        <translation>关联事项</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="53"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="54"/>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="111"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="56"/>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="74"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="74"/>
        <source>Question (English)</source>
        <translation>问题（英文）</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="74"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="75"/>
        <source>Answer (English)</source>
        <translation>答复（英文）</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="77"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="77"/>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="77"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="78"/>
        <source>Text (English)</source>
        <translation>正文（英文）</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="107"/>
        <source>From the center&apos;s standard catalog, as the kiosk shows it: read-only.</source>
        <translation>来自市中心标准目录，与取号机显示的相同：此处只读。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="111"/>
        <source>Publish changes</source>
        <translation>发布修改</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="113"/>
        <source>New entry (draft)</source>
        <translation>新建（草稿）</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="118"/>
        <source>Created {when} by {who}</source>
        <translation>{who} {when} 创建</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="119"/>
        <source>Changed {when} by {who}</source>
        <translation>{who} {when} 修改</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="120"/>
        <source>Published {when} by {who}</source>
        <translation>{who} {when} 发布</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_editor.py" line="121"/>
        <source>Retired {when} by {who}</source>
        <translation>{who} {when} 停用</translation>
    </message>
</context>
<context>
    <name>KnowledgeModel</name>
    <message>
        <location filename="../../ui/help_desk/knowledge_model.py" line="24"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_model.py" line="24"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_model.py" line="24"/>
        <source>Last change</source>
        <translation>最近修改</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <location filename="../../ui/help_desk/knowledge_page.py" line="45"/>
        <source>FAQs</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_page.py" line="45"/>
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_page.py" line="53"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_page.py" line="150"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_page.py" line="158"/>
        <source>Published: the kiosk search has it now.</source>
        <translation>已发布：取号机搜索现在可以查到。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/knowledge_page.py" line="159"/>
        <source>Retired: no longer shown at the kiosk.</source>
        <translation>已停用：取号机不再显示。</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/help_desk/login.py" line="13"/>
        <source>Help desk</source>
        <translation>咨询台</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/login.py" line="13"/>
        <source>e.g. 2001</source>
        <translation>例如 2001</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/login.py" line="13"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>PanelRequests</name>
    <message>
        <location filename="../../ui/help_desk/requests.py" line="46"/>
        <source>Queue number {n} issued: read it out or print it.</source>
        <translation>已取号 {n}：请告知群众或打印。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/requests.py" line="49"/>
        <source>Draft FAQ made: publish it under FAQs and notices.</source>
        <translation>已生成常见问题草稿，请在“常见问题与通知”中发布。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/requests.py" line="51"/>
        <source>Answer saved.</source>
        <translation>答复已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/requests.py" line="92"/>
        <source>Printed {what}.</source>
        <translation>已打印 {what}。</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/requests.py" line="95"/>
        <source>Printing {what} failed: check the printer.</source>
        <translation>打印 {what} 失败，请检查打印机。</translation>
    </message>
</context>
<context>
    <name>QueueList</name>
    <message>
        <location filename="../../ui/help_desk/queue_list.py" line="70"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/queue_list.py" line="70"/>
        <source>Mine</source>
        <translation>我负责的</translation>
    </message>
    <message>
        <location filename="../../ui/help_desk/queue_list.py" line="70"/>
        <source>All today</source>
        <translation>今日全部</translation>
    </message>
</context>
</TS>
