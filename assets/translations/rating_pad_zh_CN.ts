<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>IdlePage</name>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="36"/>
        <source>Window {no}</source>
        <translation>{no}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="38"/>
        <location filename="../../ui/rating_pad/pages.py" line="68"/>
        <source>Now serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="41"/>
        <source>When your service is finished, please rate it here.</source>
        <translation>办理结束后，请在这里为本次服务评价。</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="43"/>
        <source>Offline: ratings are kept and sent later</source>
        <translation>网络暂时中断：评价已保存，稍后自动提交</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="60"/>
        <source>This window is closed</source>
        <translation>本窗口暂未开放</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="62"/>
        <source>Clerk: {name}   No. {no}</source>
        <translation>工作人员：{name}&#x3000;工号：{no}</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="65"/>
        <source>Service paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="66"/>
        <source>Please wait a moment</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>PadTexts</name>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="24"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="25"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="26"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="27"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="28"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="34"/>
        <source>Attitude</source>
        <translation>态度</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="35"/>
        <source>Efficiency</source>
        <translation>效率</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="36"/>
        <source>Cumbersome process</source>
        <translation>流程繁琐</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="37"/>
        <source>Asked for materials beyond the standard list</source>
        <translation>要求额外材料</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="40"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/texts.py" line="41"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>RatePage</name>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="81"/>
        <source>How was your service?</source>
        <translation>请您对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="89"/>
        <source>Rating is voluntary. Thank you for helping us improve.</source>
        <translation>评价自愿，感谢您帮助我们改进服务。</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="99"/>
        <source>Number {number} · {clerk}</source>
        <translation>{number}号 · {clerk}</translation>
    </message>
</context>
<context>
    <name>RatingPad</name>
    <message>
        <location filename="../../ui/rating_pad/pad.py" line="71"/>
        <source>Rating pad – window {no}</source>
        <translation>评价器 – {no}号窗口</translation>
    </message>
</context>
<context>
    <name>ReasonsPage</name>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="111"/>
        <source>What was wrong? (choose any)</source>
        <translation>请告诉我们哪里不满意（可多选）</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="123"/>
        <source>Anything else you want to tell us (optional)</source>
        <translation>其他意见（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="126"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="127"/>
        <source>Submit</source>
        <translation>提交评价</translation>
    </message>
</context>
<context>
    <name>ThanksPage</name>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="175"/>
        <location filename="../../ui/rating_pad/pages.py" line="188"/>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="189"/>
        <source>You chose: {level}</source>
        <translation>您的评价：{level}</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad/pages.py" line="192"/>
        <source>Thank you!</source>
        <translation>谢谢您！</translation>
    </message>
</context>
</TS>
