<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CategoryScreen</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/category.py" line="73"/>
        <source>Tap the item you need to see the materials, or take a ticket directly.</source>
        <translation>请点击您要办理的事项查看所需材料，也可以直接取号。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/category.py" line="86"/>
        <source>Not handled at this hall</source>
        <translation>本厅暂不办理</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/category.py" line="88"/>
        <source>{n} materials · {limit}</source>
        <translation>材料 {n} 项 · {limit}</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/category.py" line="92"/>
        <source>Also online</source>
        <translation>可网上办</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/category.py" line="100"/>
        <source>Not sure? Take a ticket for this service</source>
        <translation>不确定具体事项？直接取本类业务号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/category.py" line="101"/>
        <source>Green channel ticket</source>
        <translation>绿色通道取号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/category.py" line="149"/>
        <source>Now: {waiting}, {wait}. Tap an item to see what to bring.</source>
        <translation>当前{waiting}，{wait}。点击事项可查看需要带哪些材料。</translation>
    </message>
</context>
<context>
    <name>CheckinScreen</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="76"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="79"/>
        <source>Type your appointment code, or hold its barcode under the scanner.</source>
        <translation>请输入预约码，或将预约条码对准扫描口。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="91"/>
        <source>Type your appointment code or scan its barcode</source>
        <translation>请输入预约码，或扫描预约条码</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="92"/>
        <source>Appointment code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="93"/>
        <source>Check-in rules</source>
        <translation>签到规则</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="95"/>
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="95"/>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="95"/>
        <source>Early</source>
        <translation>过早</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="99"/>
        <source>From 30 minutes before to 15 minutes after your booked time: served first.</source>
        <translation>预约时间前 30 分钟至后 15 分钟内签到，优先办理。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="101"/>
        <source>More than 15 minutes late: you get a normal ticket.</source>
        <translation>迟到超过 15 分钟，按普通号排队。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="102"/>
        <source>Too early: please come back 30 minutes before your time.</source>
        <translation>来得过早，请于预约时间前 30 分钟内再来签到。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="103"/>
        <source>Check in</source>
        <translation>签到取号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="108"/>
        <source>Please type or scan your appointment code.</source>
        <translation>请输入或扫描预约码。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="115"/>
        <source>Checked in. Your appointment is served first.</source>
        <translation>签到成功，您将优先办理。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/checkin.py" line="116"/>
        <source>You are more than 15 minutes late, so this is a normal ticket.</source>
        <translation>您已迟到超过 15 分钟，本号按普通号排队。</translation>
    </message>
</context>
<context>
    <name>Footer</name>
    <message>
        <location filename="../../ui/ticket_kiosk/chrome.py" line="124"/>
        <source>Catalog version {v}</source>
        <translation>事项目录版本 {v}</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/chrome.py" line="129"/>
        <source>yyyy-MM-dd dddd HH:mm</source>
        <translation>yyyy年M月d日 dddd HH:mm</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/chrome.py" line="129"/>
        <source>dddd HH:mm</source>
        <translation>dddd HH:mm</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/ticket_kiosk/chrome.py" line="69"/>
        <source>‹ Back</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/chrome.py" line="70"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/chrome.py" line="74"/>
        <source>Standard mode</source>
        <translation>标准模式</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/chrome.py" line="74"/>
        <source>Elder mode</source>
        <translation>长者模式</translation>
    </message>
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help.py" line="84"/>
        <source>Ask for help</source>
        <translation>我要咨询</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help.py" line="87"/>
        <source>Choose what your question is about, then tap Send to the help desk.</source>
        <translation>请选择您要咨询的问题类型，然后点击“提交到咨询台”。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help.py" line="112"/>
        <source>1. What is it about?</source>
        <translation>1. 您想咨询什么？</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help.py" line="113"/>
        <source>2. Your question (optional)</source>
        <translation>2. 您的问题（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help.py" line="115"/>
        <source>For example: what do I need to renew my ID card?</source>
        <translation>例如：换领身份证需要带什么？</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help.py" line="117"/>
        <source>Send to the help desk</source>
        <translation>提交到咨询台</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help.py" line="149"/>
        <source>Please choose a topic or type your question.</source>
        <translation>请选择咨询类型，或填写您的问题。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help.py" line="151"/>
        <source>Please check the phone number, or clear it.</source>
        <translation>手机号码格式不正确，请检查或清除。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help.py" line="157"/>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help.py" line="168"/>
        <source>Nobody is at the help desk right now, so here is a ticket for general enquiries.</source>
        <translation>咨询台暂时无人值守，已为您取综合咨询号。</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="89"/>
        <source>Please choose a service</source>
        <translation>请选择您要办理的业务</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="93"/>
        <source>Welcome. Tap the service you need to take a ticket, or tap Search to find it.</source>
        <translation>欢迎光临。请点击您要办理的业务取号，也可以点击搜索查找。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="113"/>
        <source>Search services, questions and notices</source>
        <translation>搜索事项、常见问题、通知公告</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="115"/>
        <source>Search services, questions and notices (pinyin works too: sfz)</source>
        <translation>搜索事项、常见问题、通知公告（支持拼音和首字母，如 sfz）</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="117"/>
        <source>Ask for help</source>
        <translation>我要咨询</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="117"/>
        <source>Questions, or help in person</source>
        <translation>问问题、找人帮忙</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="119"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="119"/>
        <source>Booked online? Check in here</source>
        <translation>已在网上预约？在这里签到</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="121"/>
        <source>Missed your call?</source>
        <translation>过号重排</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="121"/>
        <source>Rejoin the queue</source>
        <translation>错过叫号，重新排队</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="127"/>
        <source>After taking a ticket, watch the screens and listen for your number.</source>
        <translation>取号后请留意叫号屏和语音提示。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/home.py" line="152"/>
        <source>Waiting in the hall now: {n}</source>
        <translation>大厅当前等候：{n} 人</translation>
    </message>
</context>
<context>
    <name>IssuingState</name>
    <message>
        <location filename="../../ui/ticket_kiosk/issuing.py" line="80"/>
        <source>{n} tickets left today</source>
        <translation>今日剩余 {n} 个号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/issuing.py" line="83"/>
        <source>Trial mode: tickets at any hour</source>
        <translation>试运行模式：任何时间均可取号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/issuing.py" line="100"/>
        <source>Ticket by ID card</source>
        <translation>刷身份证取号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/issuing.py" line="110"/>
        <source>This service takes real-name tickets only.</source>
        <translation>本业务须实名取号。</translation>
    </message>
</context>
<context>
    <name>ItemScreen</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="115"/>
        <source>Here is everything to bring. Tap Take a ticket when you are ready.</source>
        <translation>这里是需要准备的全部材料。准备好后，请点击“取号办理”。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="137"/>
        <source>Handled by {dept}</source>
        <translation>实施部门：{dept}</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="141"/>
        <source>Time limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="142"/>
        <source>Fee</source>
        <translation>收费标准</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="144"/>
        <source>Online</source>
        <translation>网上办理</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="145"/>
        <source>Can be done online</source>
        <translation>可以网上办</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="145"/>
        <source>At the window only</source>
        <translation>需到窗口办理</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="152"/>
        <source>Materials to bring ({n})</source>
        <translation>申请材料（共 {n} 项）</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="154"/>
        <source>More materials below: drag the list up ↓</source>
        <translation>下面还有材料，请向上滑动查看 ↓</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="162"/>
        <source>Scan to do it online at the online service hall</source>
        <translation>扫码进入网上办事大厅办理</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="164"/>
        <source>This item is handled at the window</source>
        <translation>本事项需到窗口办理</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="167"/>
        <source>Print this list</source>
        <translation>打印材料清单</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="169"/>
        <source>Take a ticket</source>
        <translation>取号办理</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="171"/>
        <source>Green channel ticket</source>
        <translation>绿色通道取号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="216"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="226"/>
        <source>Printed. Please take the list from the slot.</source>
        <translation>已打印，请从出纸口取走清单。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/item.py" line="229"/>
        <source>Could not print: {why}</source>
        <translation>打印失败：{why}</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../ui/ticket_kiosk/widgets/keypad.py" line="61"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/widgets/keypad.py" line="62"/>
        <source>⌫ Delete</source>
        <translation>⌫ 删除</translation>
    </message>
</context>
<context>
    <name>KioskText</name>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="21"/>
        <source>No window serving now</source>
        <translation>暂无窗口办理</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="23"/>
        <source>No wait</source>
        <translation>无需等待</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="26"/>
        <source>About {m} min</source>
        <translation>约 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="27"/>
        <source>About {h} h {m} min</source>
        <translation>约 {h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="34"/>
        <source>1 person waiting</source>
        <translation>等候 1 人</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="35"/>
        <source>{n} people waiting</source>
        <translation>等候 {n} 人</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="40"/>
        <source>{n} waiting</source>
        <translation>等候 {n} 人</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="46"/>
        <source>Nobody ahead of you</source>
        <translation>前面没有人在等候</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="48"/>
        <source>You are next</source>
        <translation>下一位就是您</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="50"/>
        <source>1 person ahead of you</source>
        <translation>前面还有 1 人</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="51"/>
        <source>{n} people ahead of you</source>
        <translation>前面还有 {n} 人</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="56"/>
        <source>On the spot</source>
        <translation>即办</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="57"/>
        <source>{n} working days</source>
        <translation>{n} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="62"/>
        <source>Free of charge</source>
        <translation>不收费</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="64"/>
        <source>CNY {x}</source>
        <translation>{x} 元</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="69"/>
        <source>Original</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="70"/>
        <source>Copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="71"/>
        <source>Original and copy</source>
        <translation>原件及复印件</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="78"/>
        <source>1 copy</source>
        <translation>1 份</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="79"/>
        <source>{n} copies</source>
        <translation>{n} 份</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="84"/>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/texts.py" line="85"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/ticket_kiosk/window.py" line="130"/>
        <source>Ticket kiosk</source>
        <translation>自助取号机</translation>
    </message>
</context>
<context>
    <name>OfflineScreen</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/offline.py" line="19"/>
        <source>This kiosk is out of service</source>
        <translation>本机暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/offline.py" line="21"/>
        <source>Please go to the help desk: staff there will give you a ticket and answer your questions.</source>
        <translation>请到咨询台，工作人员将为您人工取号并解答问题。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/offline.py" line="27"/>
        <source>Out of service. Please go to the help desk for a ticket.</source>
        <translation>本机暂停服务，请到咨询台人工取号。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/offline.py" line="66"/>
        <source>Out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/offline.py" line="85"/>
        <source>Reconnecting automatically</source>
        <translation>正在自动重新连接</translation>
    </message>
</context>
<context>
    <name>PagedGrid</name>
    <message>
        <location filename="../../ui/ticket_kiosk/widgets/paged.py" line="160"/>
        <source>‹ Previous page</source>
        <translation>‹ 上一页</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/widgets/paged.py" line="161"/>
        <source>Next page ›</source>
        <translation>下一页 ›</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/widgets/paged.py" line="163"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>PhoneEntry</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help_parts.py" line="119"/>
        <source>3. Phone for a call-back (optional)</source>
        <translation>3. 回电号码（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help_parts.py" line="120"/>
        <source>Shown masked. Used only to call you back about this question.</source>
        <translation>号码加密显示，仅用于就本次咨询给您回电。</translation>
    </message>
</context>
<context>
    <name>PrintStatus</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket_status.py" line="29"/>
        <source>out of paper</source>
        <translation>打印机缺纸</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket_status.py" line="31"/>
        <source>printer offline</source>
        <translation>打印机未连接</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket_status.py" line="32"/>
        <source>printer fault</source>
        <translation>打印机故障</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket_status.py" line="36"/>
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket_status.py" line="38"/>
        <source>Please take your ticket from the slot below.</source>
        <translation>请从下方出票口取走号票。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket_status.py" line="41"/>
        <source>The ticket could not be printed ({why}). Your number is valid: photograph the QR code or note the number. Staff have been told.</source>
        <translation>号票未能打印（{why}）。您的号码依然有效，请拍下二维码或记住号码，已通知工作人员。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket_status.py" line="45"/>
        <source>Please remember your number or photograph the QR code.</source>
        <translation>请记住您的号码，或拍下二维码。</translation>
    </message>
</context>
<context>
    <name>RealNameScreen</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="86"/>
        <source>Ticket by ID card</source>
        <translation>刷身份证取号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="89"/>
        <source>Place your ID card on the reader, or type its number.</source>
        <translation>请将身份证放在读卡区，或输入身份证号码。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="114"/>
        <source>{service}: place your ID card on the reader</source>
        <translation>{service}：请将身份证放在读卡区</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="118"/>
        <source>Or scan the QR code of your electronic social security card, or type the 18-digit number below. Only a masked form is kept.</source>
        <translation>也可扫描电子社保卡二维码，或在下方输入18位身份证号码。系统只保留隐去中间数字的号码。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="122"/>
        <source>ID card number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="123"/>
        <source>Confirm</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="124"/>
        <source>Green channel ticket</source>
        <translation>绿色通道取号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="125"/>
        <source>Normal ticket</source>
        <translation>普通取号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="138"/>
        <source>The card could not be read. Please try again or type it.</source>
        <translation>未能读取，请重试或手动输入。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="143"/>
        <source>Please place your ID card on the reader or type its number.</source>
        <translation>请放置身份证或输入身份证号码。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="157"/>
        <source>ID card: {masked}</source>
        <translation>身份证：{masked}</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/realname.py" line="162"/>
        <source>You are {age} or older: you may take a green channel ticket and be served first. Which would you like?</source>
        <translation>您已年满{age}周岁，可走绿色通道优先办理。请选择：</translation>
    </message>
</context>
<context>
    <name>RejoinScreen</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/rejoin.py" line="53"/>
        <source>Rejoin after a missed call</source>
        <translation>过号重排</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/rejoin.py" line="56"/>
        <source>Enter the number on your ticket: first the letter, then the digits.</source>
        <translation>请输入号票上的号码：先点字母，再点数字。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/rejoin.py" line="76"/>
        <source>Enter the number on your ticket, for example A012</source>
        <translation>请输入您号票上的号码，例如 A012</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/rejoin.py" line="79"/>
        <source>If your number was called and you missed it today, you can rejoin the queue. You will be called again after a few people.</source>
        <translation>如果今天叫到您的号时您错过了，可以在这里重新排队，稍后几位之后会再次叫您。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/rejoin.py" line="83"/>
        <source>Rejoin now</source>
        <translation>确认重新排队</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/rejoin.py" line="99"/>
        <source>Please enter the letter and the digits of your number.</source>
        <translation>请输入号码的字母和数字。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/rejoin.py" line="103"/>
        <source>Checking your number…</source>
        <translation>正在查询您的号码…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/rejoin.py" line="116"/>
        <source>You are back in the queue with the same number.</source>
        <translation>已为您重新排队，号码不变。</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help_parts.py" line="147"/>
        <source>Your consultation number is {number}.</source>
        <translation>您的咨询号是 {number}。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help_parts.py" line="152"/>
        <source>Your consultation number</source>
        <translation>您的咨询号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help_parts.py" line="156"/>
        <source>Help-desk staff will call you back on {phone}.</source>
        <translation>咨询台工作人员将回电至 {phone}。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help_parts.py" line="158"/>
        <source>Please go to the help desk; staff will call this number.</source>
        <translation>请到咨询台等候，工作人员将叫这个号码。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help_parts.py" line="160"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../ui/ticket_kiosk/widgets/search_model.py" line="53"/>
        <source>Tap to read the answer</source>
        <translation>点击查看解答</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/widgets/search_model.py" line="94"/>
        <source>Tap again to close</source>
        <translation>再点一次收起</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/widgets/search_view.py" line="37"/>
        <source>Service</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/widgets/search_view.py" line="38"/>
        <source>Q&amp;A</source>
        <translation>问答</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/widgets/search_view.py" line="39"/>
        <source>Notice</source>
        <translation>公告</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="56"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="59"/>
        <source>Type what you need, for example ID card, or tap one of the examples.</source>
        <translation>请输入您要办的事，例如“身份证”，也可以点下面的示例。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="71"/>
        <source>Type a service, a question or pinyin initials</source>
        <translation>输入事项、问题或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="72"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="74"/>
        <source>Social insurance</source>
        <translation>社保</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="75"/>
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="76"/>
        <source>Housing fund</source>
        <translation>公积金</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="77"/>
        <source>Hukou</source>
        <translation>户口</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="78"/>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="90"/>
        <source>Try:</source>
        <translation>试试：</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="102"/>
        <source>Search is getting ready…</source>
        <translation>搜索正在准备中…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="108"/>
        <source>Services, questions and notices are all searched.</source>
        <translation>可同时搜索办事事项、常见问题和通知公告。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="110"/>
        <source>{n} results, best first</source>
        <translation>找到 {n} 条结果，最相关的在前</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/search.py" line="113"/>
        <source>Nothing found for “{q}”. Try other words, or ask the help desk.</source>
        <translation>没有找到“{q}”的相关内容。请换个说法，或到“我要咨询”求助。</translation>
    </message>
</context>
<context>
    <name>StaffingBanner</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help_parts.py" line="61"/>
        <source>Your question goes to the help desk. Staff will call your consultation number.</source>
        <translation>您的问题将提交到咨询台，工作人员会叫您的咨询号。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help_parts.py" line="67"/>
        <source>The help desk is staffed now ({n} on duty). Staff will call your number.</source>
        <translation>咨询台现在有人值守（{n} 位工作人员），将按号为您解答。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/help_parts.py" line="73"/>
        <source>Nobody is at the help desk right now: you will get a ticket for general enquiries.</source>
        <translation>咨询台暂时无人值守，提交后将为您取综合咨询号。</translation>
    </message>
</context>
<context>
    <name>TicketFlow</name>
    <message>
        <location filename="../../ui/ticket_kiosk/actions.py" line="65"/>
        <source>Issuing your ticket…</source>
        <translation>正在为您取号…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/actions.py" line="71"/>
        <source>You already have a ticket for this service today:</source>
        <translation>您今天已取过该业务的号，请凭原号等候：</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket.py" line="120"/>
        <source>Your ticket</source>
        <translation>您的排队号</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket.py" line="124"/>
        <source>Your number is {number}. {ahead}. Please listen for your number.</source>
        <translation>您的号码是 {number}，{ahead}，请留意叫号。</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket.py" line="153"/>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket.py" line="155"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket.py" line="162"/>
        <source>Issued at {time}</source>
        <translation>取号时间：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket.py" line="167"/>
        <source>Scan to follow your place in the queue on your phone</source>
        <translation>手机扫码，随时查看排队进度</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket.py" line="169"/>
        <source>Please have ready: {names}</source>
        <translation>请备齐：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket.py" line="171"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_kiosk/screens/ticket.py" line="180"/>
        <source>Back to start in {s} s</source>
        <translation>{s} 秒后返回首页</translation>
    </message>
</context>
</TS>
