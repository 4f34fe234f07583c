<?xml version="1.0" encoding="UTF-8"?>
<!--
  The published checklist, printed for the next visit: client, revision, change note, then the
  items grouped by device and section, with empty boxes for the status and room for a note.
  Input: the XML written by org.mmccycle.document.DocumentXml.checklist.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:template match="/checklist">
    <fo:root font-family="DejaVu Sans" font-size="9pt" xml:lang="en">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="page" page-width="210mm" page-height="297mm"
            margin="12mm 15mm 10mm 15mm">
          <fo:region-body margin-bottom="10mm"/>
          <fo:region-after extent="6mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="page">
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="7pt" color="#555555" text-align-last="justify">
            <xsl:value-of select="client/@name"/> · <xsl:value-of select="month/@label"/>
            · revision <xsl:value-of select="revision/@number"/>
            <fo:leader leader-pattern="space"/>
            page <fo:page-number/> of <fo:page-number-citation ref-id="end"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-size="16pt" font-weight="bold" space-after="2mm">Monthly maintenance checklist</fo:block>
          <fo:block font-size="13pt" font-weight="bold" space-after="3mm"><xsl:value-of select="client/@name"/></fo:block>
          <fo:table table-layout="fixed" width="100%" space-after="3mm">
            <fo:table-column column-width="30mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <xsl:call-template name="fact"><xsl:with-param name="label">Visit month</xsl:with-param><xsl:with-param name="value" select="month/@label"/></xsl:call-template>
              <xsl:call-template name="fact"><xsl:with-param name="label">Revision</xsl:with-param><xsl:with-param name="value" select="concat(revision/@number, ', published ', revision/@date)"/></xsl:call-template>
              <xsl:call-template name="fact"><xsl:with-param name="label">Changes</xsl:with-param><xsl:with-param name="value">
                <xsl:choose>
                  <xsl:when test="revision/changeNote"><xsl:value-of select="revision/changeNote"/></xsl:when>
                  <xsl:otherwise>No change</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="fact"><xsl:with-param name="label">Visit</xsl:with-param><xsl:with-param name="value">☐ on site   ☐ remote      Technician: ____________________   Date: ____________</xsl:with-param></xsl:call-template>
            </fo:table-body>
          </fo:table>
          <xsl:apply-templates select="devices/device"/>
          <fo:block space-before="8mm" keep-together.within-page="always">
            <fo:block font-weight="bold">Sign-off</fo:block>
            <fo:block space-before="8mm">Technician ______________________________     Client ______________________________</fo:block>
          </fo:block>
          <fo:block id="end"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template name="fact">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <fo:table-row>
      <fo:table-cell padding="0.6mm"><fo:block font-weight="bold"><xsl:value-of select="$label"/></fo:block></fo:table-cell>
      <fo:table-cell padding="0.6mm"><fo:block linefeed-treatment="preserve" white-space-collapse="false"><xsl:value-of select="$value"/></fo:block></fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:template match="device">
    <fo:block font-size="11pt" font-weight="bold" space-before="5mm" space-after="1mm"
        background-color="#E6E6E6" padding="1mm" keep-with-next.within-page="always">
      <xsl:value-of select="@name"/>
      <xsl:if test="@kind != '' and @kind != @name"> (<xsl:value-of select="@kind"/>)</xsl:if>
    </fo:block>
    <xsl:apply-templates select="section"/>
  </xsl:template>

  <xsl:template match="section">
    <fo:block font-weight="bold" space-before="2mm" space-after="1mm" keep-with-next.within-page="always">
      <xsl:value-of select="@title"/>
    </fo:block>
    <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
      <fo:table-column column-width="proportional-column-width(9)"/>
      <fo:table-column column-width="10mm"/>
      <fo:table-column column-width="10mm"/>
      <fo:table-column column-width="10mm"/>
      <fo:table-column column-width="proportional-column-width(6)"/>
      <fo:table-header font-size="7.5pt" color="#444444">
        <fo:table-row>
          <fo:table-cell padding="0.8mm"><fo:block>Item</fo:block></fo:table-cell>
          <fo:table-cell padding="0.8mm"><fo:block text-align="center">done</fo:block></fo:table-cell>
          <fo:table-cell padding="0.8mm"><fo:block text-align="center">issue</fo:block></fo:table-cell>
          <fo:table-cell padding="0.8mm"><fo:block text-align="center">n/a</fo:block></fo:table-cell>
          <fo:table-cell padding="0.8mm"><fo:block>Note</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="item">
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell padding="1mm" border="0.4pt solid #999999">
              <fo:block linefeed-treatment="preserve"><xsl:value-of select="text"/></fo:block>
            </fo:table-cell>
            <xsl:call-template name="box"/>
            <xsl:call-template name="box"/>
            <xsl:call-template name="box"/>
            <fo:table-cell padding="1mm" border="0.4pt solid #999999"><fo:block/></fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="box">
    <fo:table-cell padding="1mm" border="0.4pt solid #999999" display-align="center">
      <fo:block text-align="center" font-size="11pt">☐</fo:block>
    </fo:table-cell>
  </xsl:template>
</xsl:stylesheet>
