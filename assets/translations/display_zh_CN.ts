<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>HallBoard</name>
    <message>
        <location filename="../../ui/display/board.py" line="52"/>
        <source>Hall board</source>
        <translation>大厅叫号屏</translation>
    </message>
    <message>
        <location filename="../../ui/display/board.py" line="139"/>
        <source>Service hall</source>
        <translation>政务服务中心</translation>
    </message>
    <message>
        <location filename="../../ui/display/board.py" line="141"/>
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
    <message>
        <location filename="../../ui/display/board.py" line="149"/>
        <source>Tickets are not issued now. Opening hours: {hours}</source>
        <translation>现在不取号。办公时间：{hours}</translation>
    </message>
    <message>
        <location filename="../../ui/display/board.py" line="185"/>
        <source>Connecting to the hall server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <location filename="../../ui/display/board.py" line="187"/>
        <source>Connection lost, reconnecting…</source>
        <translation>连接中断，正在重连…</translation>
    </message>
    <message>
        <location filename="../../ui/display/board.py" line="189"/>
        <source>Voice unavailable</source>
        <translation>语音播报不可用</translation>
    </message>
    <message>
        <location filename="../../ui/display/board.py" line="191"/>
        <source>Closed: see the opening hours below</source>
        <translation>暂停取号：办公时间见下方</translation>
    </message>
    <message>
        <location filename="../../ui/display/board.py" line="204"/>
        <source>dddd, d MMMM yyyy</source>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
</context>
<context>
    <name>NowCalling</name>
    <message>
        <location filename="../../ui/display/panels.py" line="92"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../ui/display/panels.py" line="103"/>
        <source>Please listen for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../ui/display/panels.py" line="110"/>
        <source>Calling again</source>
        <translation>重复呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/display/panels.py" line="110"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/display/panels.py" line="119"/>
        <source>Please go to window {n}</source>
        <translation>请到 {n} 号窗口办理</translation>
    </message>
</context>
<context>
    <name>QueueGrid</name>
    <message>
        <location filename="../../ui/display/lists.py" line="194"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/display/lists.py" line="128"/>
        <location filename="../../ui/display/lists.py" line="203"/>
        <source>{n}</source>
        <comment>people waiting in a queue</comment>
        <translation>{n}人</translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <location filename="../../ui/display/lists.py" line="66"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../ui/display/lists.py" line="67"/>
        <source>→ window {n}</source>
        <translation>→ {n}号窗口</translation>
    </message>
</context>
<context>
    <name>WindowGrid</name>
    <message>
        <location filename="../../ui/display/panels.py" line="153"/>
        <source>Windows</source>
        <translation>窗口状态</translation>
    </message>
    <message>
        <location filename="../../ui/display/panels.py" line="163"/>
        <source>No staff</source>
        <translation>暂无人员</translation>
    </message>
    <message>
        <location filename="../../ui/display/panels.py" line="168"/>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/display/panels.py" line="161"/>
        <source>Not serving</source>
        <translation>暂停服务</translation>
    </message>
</context>
<context>
    <name>WindowStrip</name>
    <message>
        <location filename="../../ui/display/strip.py" line="41"/>
        <location filename="../../ui/display/strip.py" line="88"/>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/display/strip.py" line="95"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/display/strip.py" line="100"/>
        <source>Paused: {reason}</source>
        <translation>暂停原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/display/strip.py" line="103"/>
        <source>This window is closed</source>
        <translation>本窗口暂未开放</translation>
    </message>
    <message>
        <location filename="../../ui/display/strip.py" line="103"/>
        <source>No staff</source>
        <translation>暂无人员</translation>
    </message>
    <message>
        <location filename="../../ui/display/strip.py" line="109"/>
        <source>Now serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../ui/display/strip.py" line="107"/>
        <source>Please come to this window</source>
        <translation>请到本窗口办理</translation>
    </message>
    <message>
        <location filename="../../ui/display/strip.py" line="113"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../ui/display/strip.py" line="113"/>
        <source>Please wait for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../ui/display/strip.py" line="101"/>
        <source>Not serving</source>
        <translation>暂停服务</translation>
    </message>
</context>
</TS>
