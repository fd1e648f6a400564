"""Documents built to public schemas, for tests: CyberTipline reports and file details (benign text,
neutral labels; the shapes follow the CyberTipline Reporting API as public clients model it)."""

from __future__ import annotations

from pathlib import Path

REPORT = """<?xml version="1.0" encoding="UTF-8"?>
<report xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
        xsi:noNamespaceSchemaLocation="https://report.cybertip.org/ispws/xsd">
  <reportId>{report_id}</reportId>
  <incidentSummary>
    <incidentType>Child Pornography (possession, manufacture, and distribution)</incidentType>
    <escalateToHighPriority>Ongoing contact with a child</escalateToHighPriority>
    <reportAnnotations><sextortion/><minorToMinorInteraction/></reportAnnotations>
    <incidentDateTime>2024-03-01T10:00:00.000Z</incidentDateTime>
    <incidentDateTimeDescription>first seen by the moderation queue</incidentDateTimeDescription>
  </incidentSummary>
  <internetDetails>
    <chatImIncident>
      <chatClient>Example Messenger</chatClient>
      <chatRoomName>room-7</chatRoomName>
    </chatImIncident>
  </internetDetails>
  <lawEnforcement>
    <agencyName>Example Police</agencyName>
    <caseNumber>EX-1</caseNumber>
  </lawEnforcement>
  <reporter>
    <reportingPerson>
      <firstName>Alex</firstName><lastName>Moderator</lastName>
      <email verified="true">safety@example-messenger.example.org</email>
    </reportingPerson>
    <companyTemplate>Legal process: see the provider's site.</companyTemplate>
    <legalURL>https://example-messenger.example.org/legal</legalURL>
  </reporter>
  <personOrUserReported>
    <personOrUserReportedPerson>
      <firstName>Robin</firstName><lastName>Example</lastName>
      <phone verified="false" countryCallingCode="44" type="Mobile">7700900000</phone>
      <age>34</age>
    </personOrUserReportedPerson>
    <espIdentifier>acct-100</espIdentifier>
    <espService>Example Messenger</espService>
    <screenName>robin_ex</screenName>
    <displayName>Robin</displayName>
    <displayName>R.E.</displayName>
    <ipCaptureEvent>
      <ipAddress>203.0.113.9</ipAddress>
      <eventName>Login</eventName>
    </ipCaptureEvent>
    <deviceId>
      <idType>IMEI</idType>
      <idValue>490154203237518</idValue>
      <eventName>Login</eventName>
      <dateTime>2024-02-28T09:00:00+00:00</dateTime>
    </deviceId>
    <thirdPartyUserReported>false</thirdPartyUserReported>
    <priorCTReports>1000001</priorCTReports>
    <groupIdentifier>group-abc</groupIdentifier>
    <estimatedLocation verified="false" timestamp="2024-03-01T09:00:00Z">
      <city>Leeds</city><region>West Yorkshire</region><countryCode>gb</countryCode>
    </estimatedLocation>
    <additionalInfo>account created two days before</additionalInfo>
  </personOrUserReported>
  <intendedRecipient>
    <espIdentifier>acct-200</espIdentifier>
    <screenName>kid_account</screenName>
    <estimatedLocation><countryCode>IE</countryCode></estimatedLocation>
    <accountTemporarilyDisabled><disabledDate>2024-03-02T00:00:00Z</disabledDate></accountTemporarilyDisabled>
  </intendedRecipient>
  <victim>
    <victimPerson><firstName>Sky</firstName><age>13</age>
      <email>sky@example.org</email></victimPerson>
    <schoolName>Example School</schoolName>
  </victim>
  <additionalInfo>report made from the moderation tool</additionalInfo>
</report>
"""

FILE_DETAILS = """<?xml version="1.0" encoding="UTF-8"?>
<fileDetails xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
             xsi:noNamespaceSchemaLocation="https://report.cybertip.org/ispws/xsd">
  <reportId>{report_id}</reportId>
  <fileId>{file_id}</fileId>
  <fileName>stored-{file_id}.jpg</fileName>
  <originalFileName>IMG_{file_id}.jpg</originalFileName>
  <locationOfFile>https://cdn.example.org/{file_id}</locationOfFile>
  <fileViewedByEsp>true</fileViewedByEsp>
  <exifViewedByEsp>false</exifViewedByEsp>
  <publiclyAvailable>false</publiclyAvailable>
  <fileRelevance>Reported</fileRelevance>
  <fileAnnotations><viral/><possibleSelfProduction/></fileAnnotations>
  <industryClassification>{grade}</industryClassification>
  <originalFileHash hashType="MD5">{md5}</originalFileHash>
  <originalFileHash hashType="MD5">{md5b}</originalFileHash>
  <originalFileHash hashType="PhotoDNA">opaque-photodna-value</originalFileHash>
  <ipCaptureEvent>
    <ipAddress>203.0.113.10</ipAddress>
    <eventName>Upload</eventName>
    <dateTime>2024-02-29T08:00:00</dateTime>
    <port>443</port>
  </ipCaptureEvent>
  <deviceId><idType>ICCID</idType><idValue>8944500102198304826</idValue><eventName>Upload</eventName></deviceId>
  <details type="EXIF">
    <nameValuePair><name>Model</name><value>Example Cam</value></nameValuePair>
  </details>
  <additionalInfo>uploaded from the mobile app</additionalInfo>
</fileDetails>
"""


def report_file(tmp_path: Path, report_id: str = "123456789", name: str | None = None) -> Path:
    path = tmp_path / (name or f"report-{report_id}.xml")
    path.write_text(REPORT.format(report_id=report_id), encoding="utf-8")
    return path


def details_file(tmp_path: Path, report_id: str, file_id: str, grade: str = "A1") -> Path:
    path = tmp_path / f"details-{report_id}-{file_id}.xml"
    md5 = f"{abs(hash(file_id)) % 16**32:032x}"
    path.write_text(
        FILE_DETAILS.format(report_id=report_id, file_id=file_id, grade=grade, md5=md5, md5b="ab" * 16),
        encoding="utf-8",
    )
    return path
