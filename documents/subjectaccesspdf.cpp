#include "subjectaccesspdf.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace earlyhelp::documents {

using namespace Qt::StringLiterals;
using subjectaccess::Item;
using subjectaccess::Section;

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::documents::SubjectAccessPdf)
};

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

QString ukDate(QDate date) {
    return date.isValid() ? date.toString(u"dd/MM/yyyy") : Text::tr("no date");
}

QString coverHtml(const subjectaccess::Collection& collection, const subjectaccess::ExportInfo& info,
                  const QList<Item>& disclosed, qsizetype withheldCount) {
    QString html;
    html += u"<h1>"_s % escaped(Text::tr("Subject access request")) % u"</h1>"_s;
    html += u"<p><b>"_s % escaped(Text::tr("Information held about")) % u"</b> "_s %
            escaped(collection.personName) % u"</p>"_s;
    html += u"<p><b>"_s % escaped(Text::tr("Date of birth")) % u"</b> "_s %
            escaped(collection.dateOfBirth.isValid() ? ukDate(collection.dateOfBirth) : Text::tr("not recorded")) %
            u"</p>"_s;
    html += u"<p><b>"_s % escaped(Text::tr("Held by")) % u"</b> "_s % escaped(collection.organisationName) %
            u"</p>"_s;
    html += u"<p><b>"_s % escaped(Text::tr("Date")) % u"</b> "_s %
            escaped(ukDate(info.generatedAt.toLocalTime().date())) % u"</p>"_s;
    html += u"<p><b>"_s % escaped(Text::tr("Prepared by")) % u"</b> "_s % escaped(info.generatedBy) % u"</p>"_s;

    html += u"<h2>"_s % escaped(Text::tr("Contents")) % u"</h2><table cellpadding=\"3\"><tr><th align=\"left\">"_s %
            escaped(Text::tr("Section")) % u"</th><th align=\"right\">"_s % escaped(Text::tr("Items")) %
            u"</th></tr>"_s;
    for (Section section : subjectaccess::allSections()) {
        const auto count = std::ranges::count_if(disclosed, [section](const Item& item) { return item.section == section; });
        html += u"<tr><td>"_s % escaped(subjectaccess::sectionLabel(section)) % u"</td><td align=\"right\">"_s %
                QString::number(count) % u"</td></tr>"_s;
    }
    html += u"<tr><td>"_s % escaped(Text::tr("Information withheld")) % u"</td><td align=\"right\">"_s %
            QString::number(withheldCount) % u"</td></tr></table>"_s;
    return html;
}

QString itemHtml(const Item& item) {
    QString html =
        u"<h3>"_s % escaped(item.title) % u"</h3><p><i>"_s % escaped(ukDate(item.date)) % u"</i></p>"_s;
    if (item.deleted)
        html += u"<p><b>"_s % escaped(subjectaccess::deletedStatusText(item)) % u"</b></p>"_s;
    return html % u"<p style=\"white-space: pre-wrap\">"_s % escaped(item.text) % u"</p>"_s;
}

QString withheldHtml(const QList<subjectaccess::WithheldGroup>& groups) {
    QString html = u"<h2 style=\"page-break-before: always\">"_s % escaped(Text::tr("Information withheld")) %
                   u"</h2>"_s;
    if (groups.isEmpty())
        return html % u"<p>"_s % escaped(Text::tr("No information was withheld.")) % u"</p>"_s;

    html += u"<p>"_s %
            escaped(Text::tr("The items below are held but not disclosed, for the reason given. Their content "
                             "is left out.")) %
            u"</p>"_s;
    for (const subjectaccess::WithheldGroup& group : groups) {
        html += u"<h3>"_s % escaped(subjectaccess::withholdReasonLabel(group.reason)) % u"</h3>"_s;
        if (!group.explanation.isEmpty())
            html += u"<p>"_s % escaped(group.explanation) % u"</p>"_s;
        html += u"<table cellpadding=\"3\"><tr><th align=\"left\">"_s % escaped(Text::tr("Section")) %
                u"</th><th align=\"left\">"_s % escaped(Text::tr("Title")) % u"</th><th align=\"left\">"_s %
                escaped(Text::tr("Date")) % u"</th></tr>"_s;
        for (const Item& item : group.items) {
            html += u"<tr><td>"_s % escaped(subjectaccess::sectionLabel(item.section)) % u"</td><td>"_s %
                    escaped(item.title) % u"</td><td>"_s % escaped(ukDate(item.date)) % u"</td></tr>"_s;
        }
        html += u"</table>"_s;
    }
    return html;
}

} // namespace

QString subjectAccessHtml(const subjectaccess::Collection& collection, const subjectaccess::Review& review,
                          const subjectaccess::ExportInfo& info) {
    const QList<Item> disclosed = subjectaccess::disclosedItems(collection, review);
    const QList<subjectaccess::WithheldGroup> groups = subjectaccess::withheldGroups(collection, review);
    qsizetype withheldCount = 0;
    for (const subjectaccess::WithheldGroup& group : groups)
        withheldCount += group.items.size();

    QString html = u"<html><body>"_s;
    html += coverHtml(collection, info, disclosed, withheldCount);
    for (Section section : subjectaccess::allSections()) {
        html += u"<h2 style=\"page-break-before: always\">"_s % escaped(subjectaccess::sectionLabel(section)) %
                u"</h2>"_s;
        bool any = false;
        for (const Item& item : disclosed) {
            if (item.section != section)
                continue;
            html += itemHtml(item);
            any = true;
        }
        if (!any)
            html += u"<p>"_s % escaped(Text::tr("Nothing is held in this section.")) % u"</p>"_s;
    }
    html += withheldHtml(groups);
    html += u"</body></html>"_s;
    return html;
}

Result<QByteArray> subjectAccessPdf(const subjectaccess::Collection& collection, const subjectaccess::Review& review,
                                    const subjectaccess::ExportInfo& info) {
    QByteArray pdf;
    QBuffer buffer(&pdf);
    if (!buffer.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, Text::tr("The PDF could not be prepared in memory. Close other programs "
                                                 "and export again."));
    {
        QPdfWriter writer(&buffer);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 20, 20, 20),
                                         QPageLayout::Millimeter));
        writer.setTitle(Text::tr("Subject access request: %1").arg(collection.personName));
        writer.setCreator(QCoreApplication::applicationName());
        // 300 dots per inch keeps the layout exact without the cost of the
        // default 1200.
        writer.setResolution(300);

        QTextDocument document;
        document.setHtml(subjectAccessHtml(collection, review, info));
        // With no page size of its own, QTextDocument::print() lays the
        // document out on the writer's pages and numbers them at the foot.
        document.print(&writer);
    }
    buffer.close();
    if (pdf.isEmpty())
        return makeError(ErrorCode::Io, Text::tr("Qt wrote an empty PDF for %1. Export the JSON form instead and "
                                                 "report the problem.")
                                            .arg(collection.personName));
    return pdf;
}

} // namespace earlyhelp::documents
