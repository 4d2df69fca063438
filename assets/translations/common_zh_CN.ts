<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>StaffLogin</name>
    <message>
        <location filename="../../ui/common/login.py" line="49"/>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/common/login.py" line="50"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/common/login.py" line="93"/>
        <source>Enter your employee number and PIN.</source>
        <translation>请输入工号和密码。</translation>
    </message>
</context>
</TS>
