<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- A few strings in German, for test_app_translations: lrelease makes it a .qm at build time. -->
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>fg::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
</context>
<context>
    <name>fg::LiveDiagrams</name>
    <message>
        <source>Redis Cluster hash slots</source>
        <translation>Hash-Slots im Redis Cluster</translation>
    </message>
</context>
<context>
    <name>fg::Simulators</name>
    <message>
        <source>Quorums</source>
        <translation>Quoren</translation>
    </message>
</context>
</TS>
