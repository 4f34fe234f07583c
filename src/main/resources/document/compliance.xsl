<?xml version="1.0" encoding="UTF-8"?>
<!--
  The monthly compliance report: for every client and job (execute, revise, publish, file), whether it
  was done on time, late, is missing, or is still open, with its due date and who completed it when.
  Input: the XML written by org.mmccycle.document.CompliancePdf.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:template match="/compliance">
    <fo:root font-family="DejaVu Sans" font-size="8.5pt" xml:lang="en">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="page" page-width="297mm" page-height="210mm" margin="12mm 15mm 10mm 15mm">
          <fo:region-body margin-bottom="10mm"/>
          <fo:region-after extent="6mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="page">
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="7pt" color="#555555" text-align-last="justify">
            Compliance report · <xsl:value-of select="@label"/> · generated <xsl:value-of select="@generated"/>
            <fo:leader leader-pattern="space"/>
            page <fo:page-number/> of <fo:page-number-citation ref-id="end"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-size="16pt" font-weight="bold" space-after="2mm">Compliance report</fo:block>
          <fo:block font-size="12pt" space-after="2mm"><xsl:value-of select="@label"/></fo:block>
          <fo:block space-after="4mm">
            On time: <xsl:value-of select="count(row[@status='on time'])"/> ·
            late: <xsl:value-of select="count(row[@status='late'])"/> ·
            missing: <xsl:value-of select="count(row[@status='missing'])"/> ·
            open: <xsl:value-of select="count(row[@status='open'])"/>
          </fo:block>
          <fo:table table-layout="fixed" width="100%" border-bottom="0.5pt solid #999999">
            <fo:table-column column-width="proportional-column-width(3)"/>
            <fo:table-column column-width="proportional-column-width(2)"/>
            <fo:table-column column-width="proportional-column-width(1.3)"/>
            <fo:table-column column-width="proportional-column-width(1.6)"/>
            <fo:table-column column-width="proportional-column-width(1.6)"/>
            <fo:table-column column-width="proportional-column-width(1.4)"/>
            <fo:table-header font-weight="bold" background-color="#e8e8e8">
              <fo:table-row>
                <fo:table-cell padding="1mm"><fo:block>Client</fo:block></fo:table-cell>
                <fo:table-cell padding="1mm"><fo:block>Job</fo:block></fo:table-cell>
                <fo:table-cell padding="1mm"><fo:block>Status</fo:block></fo:table-cell>
                <fo:table-cell padding="1mm"><fo:block>Due</fo:block></fo:table-cell>
                <fo:table-cell padding="1mm"><fo:block>Completed</fo:block></fo:table-cell>
                <fo:table-cell padding="1mm"><fo:block>By</fo:block></fo:table-cell>
              </fo:table-row>
            </fo:table-header>
            <fo:table-body>
              <xsl:if test="not(row)">
                <fo:table-row><fo:table-cell number-columns-spanned="6" padding="1mm"><fo:block>No clients.</fo:block></fo:table-cell></fo:table-row>
              </xsl:if>
              <xsl:apply-templates select="row"/>
            </fo:table-body>
          </fo:table>
          <fo:block id="end"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template match="row">
    <fo:table-row border-top="0.3pt solid #cccccc">
      <fo:table-cell padding="1mm"><fo:block><xsl:value-of select="@client"/></fo:block></fo:table-cell>
      <fo:table-cell padding="1mm"><fo:block><xsl:value-of select="@job"/></fo:block></fo:table-cell>
      <fo:table-cell padding="1mm">
        <fo:block font-weight="bold">
          <xsl:attribute name="color">
            <xsl:choose>
              <xsl:when test="@status='on time'">#1b7a2f</xsl:when>
              <xsl:when test="@status='late'">#b36b00</xsl:when>
              <xsl:when test="@status='missing'">#b00020</xsl:when>
              <xsl:otherwise>#333333</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="@status"/>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell padding="1mm"><fo:block><xsl:value-of select="@due"/></fo:block></fo:table-cell>
      <fo:table-cell padding="1mm"><fo:block><xsl:value-of select="@completedAt"/></fo:block></fo:table-cell>
      <fo:table-cell padding="1mm"><fo:block><xsl:value-of select="@completedBy"/></fo:block></fo:table-cell>
    </fo:table-row>
    <xsl:if test="string(@resolution) != ''">
      <fo:table-row>
        <fo:table-cell number-columns-spanned="6" padding-left="4mm" padding-bottom="1mm">
          <fo:block font-size="8pt" font-style="italic">Overdue: <xsl:value-of select="@resolution"/></fo:block>
        </fo:table-cell>
      </fo:table-row>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
