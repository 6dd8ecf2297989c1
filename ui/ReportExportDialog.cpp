// SPDX-License-Identifier: Apache-2.0
#include "ReportExportDialog.h"
#include "service/GatewayService.h"
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace perimeter::ui {

namespace {
const char *const kFormats[] = {"pdf", "csv", "json"};
} // namespace

ReportExportDialog::ReportExportDialog(service::GatewayService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("reportExportDialog"));
    m_periodLabel = new QLabel(this);
    m_wholeTrail = new QCheckBox(this);
    m_wholeTrail->setObjectName(QStringLiteral("wholeTrail"));
    m_from = new QDateTimeEdit(this);
    m_from->setObjectName(QStringLiteral("fromEdit"));
    m_to = new QDateTimeEdit(this);
    m_to->setObjectName(QStringLiteral("toEdit"));
    for (auto *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::LocalTime);
        edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    }
    const QDateTime now = QDateTime::currentDateTime();
    m_to->setDateTime(now.addSecs(60));
    m_from->setDateTime(now.addDays(-1));
    m_filterLabel = new QLabel(this);
    m_filterText = new QLabel(this);
    m_filterText->setObjectName(QStringLiteral("filterText"));
    m_filterText->setWordWrap(true);
    m_filterText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_formatLabel = new QLabel(this);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    for (const char *format : kFormats)
        m_format->addItem(QString(), QLatin1String(format));
    m_formatLabel->setBuddy(m_format);
    m_includeRecords = new QCheckBox(this);
    m_includeRecords->setObjectName(QStringLiteral("includeRecords"));
    m_includeRecords->setChecked(true);
    m_outputLabel = new QLabel(this);
    m_output = new QLineEdit(this);
    m_output->setObjectName(QStringLiteral("outputEdit"));
    m_output->setClearButtonEnabled(true);
    m_outputLabel->setBuddy(m_output);
    m_browse = new QPushButton(this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_error->setVisible(false);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(errorPalette);

    m_buttons = new QDialogButtonBox(this);
    m_export = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);
    m_cancel = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelExportButton"));
    m_cancel->setEnabled(false);
    m_close = m_buttons->addButton(QDialogButtonBox::Close);

    auto *period = new QHBoxLayout;
    period->addWidget(m_from, 1);
    period->addWidget(new QLabel(QStringLiteral("–"), this));
    period->addWidget(m_to, 1);
    period->addWidget(m_wholeTrail);
    auto *output = new QHBoxLayout;
    output->addWidget(m_output, 1);
    output->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(m_periodLabel, period);
    form->addRow(m_filterLabel, m_filterText);
    form->addRow(m_formatLabel, m_format);
    form->addRow(QString(), m_includeRecords);
    form->addRow(m_outputLabel, output);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_wholeTrail, &QCheckBox::toggled, this, &ReportExportDialog::updatePeriodEnabled);
    connect(m_browse, &QPushButton::clicked, this, &ReportExportDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &ReportExportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &ReportExportDialog::cancelExport);
    connect(m_close, &QPushButton::clicked, this, &ReportExportDialog::reject);
    // A file name that ends in a known format's suffix follows the format.
    connect(m_format, &QComboBox::currentIndexChanged, this, [this]() {
        const QString path = m_output->text();
        const QFileInfo info(path);
        const QString suffix = info.suffix().toLower();
        for (const char *format : kFormats) {
            if (suffix == QLatin1String(format)) {
                m_output->setText(path.left(path.size() - suffix.size()) + m_format->currentData().toString());
                break;
            }
        }
    });
    updatePeriodEnabled();
    retranslate();
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

ReportExportDialog::~ReportExportDialog()
{
    // The job (a child) cancels and waits for its worker when it is destroyed; make it stop at
    // its next step instead of finishing the report first.
    if (m_job)
        m_job->cancel();
}

void ReportExportDialog::retranslate()
{
    setWindowTitle(tr("Export report"));
    m_periodLabel->setText(tr("&Period:"));
    m_wholeTrail->setText(tr("&Whole trail"));
    m_wholeTrail->setToolTip(tr("Export every stored record, whatever its time"));
    m_filterLabel->setText(tr("Filter:"));
    m_formatLabel->setText(tr("&Format:"));
    m_format->setItemText(0, tr("PDF document"));
    m_format->setItemText(1, tr("CSV (spreadsheet)"));
    m_format->setItemText(2, tr("JSON"));
    m_includeRecords->setText(tr("Include the &records"));
    m_includeRecords->setToolTip(tr("Add every matching record to the report, not only the figures"));
    m_outputLabel->setText(tr("&Save to:"));
    m_output->setPlaceholderText(tr("File to write"));
    m_browse->setText(tr("&Browse…"));
    m_export->setText(tr("&Export"));
    m_cancel->setText(tr("Cancel e&xport"));
    m_progress->setFormat(tr("%p %"));
    updateFilterText();
}

void ReportExportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ReportExportDialog::setFilter(const report::AuditFilter &filter, const QStringList &notApplied)
{
    m_filter = filter;
    m_notApplied = notApplied;
    m_wholeTrail->setChecked(!filter.from && !filter.to);
    if (filter.from)
        m_from->setDateTime(filter.from->toLocalTime());
    if (filter.to)
        m_to->setDateTime(filter.to->toLocalTime());
    else if (filter.from)
        m_to->setDateTime(QDateTime::currentDateTime().addSecs(60));
    updateFilterText();
}

void ReportExportDialog::setFormat(const QString &format)
{
    const int index = m_format->findData(format.toLower());
    if (index >= 0)
        m_format->setCurrentIndex(index);
}

void ReportExportDialog::setOutputPath(const QString &path)
{
    m_output->setText(path);
}

void ReportExportDialog::setIncludeRecords(bool include)
{
    m_includeRecords->setChecked(include);
}

report::ExportRequest ReportExportDialog::request() const
{
    report::ExportRequest request;
    request.filter = m_filter;
    request.filter.from.reset();
    request.filter.to.reset();
    if (!m_wholeTrail->isChecked()) {
        request.filter.from = m_from->dateTime().toUTC();
        request.filter.to = m_to->dateTime().toUTC();
    }
    request.format = m_format->currentData().toString();
    request.outputPath = m_output->text().trimmed();
    request.includeRecords = m_includeRecords->isChecked();
    return request;
}

void ReportExportDialog::updatePeriodEnabled()
{
    m_from->setEnabled(!m_wholeTrail->isChecked() && !isExporting());
    m_to->setEnabled(!m_wholeTrail->isChecked() && !isExporting());
}

void ReportExportDialog::updateFilterText()
{
    QStringList parts;
    auto add = [&parts](const QString &label, const QStringList &values) {
        if (values.isEmpty())
            return;
        QStringList shown;
        for (const auto &value : values)
            shown.append(value.isEmpty() ? tr("(none)") : value);
        parts.append(label.arg(shown.join(QStringLiteral(", "))));
    };
    add(tr("tier: %1"), m_filter.tiers);
    add(tr("decision: %1"), m_filter.decisions);
    add(tr("sensitivity: %1"), m_filter.sensitivities);
    add(tr("team: %1"), m_filter.teams);
    add(tr("caller: %1"), m_filter.callers);
    add(tr("model: %1"), m_filter.models);
    add(tr("endpoint: %1"), m_filter.endpoints);
    add(tr("reason: %1"), m_filter.reasons);
    QString text = parts.isEmpty() ? tr("all requests of the period") : parts.join(QStringLiteral("; "));
    if (!m_notApplied.isEmpty())
        text += QLatin1Char('\n') + tr("Not part of the report (the report filters by field only): %1").arg(m_notApplied.join(QStringLiteral(", ")));
    m_filterText->setText(text);
}

void ReportExportDialog::browse()
{
    const QString format = m_format->currentData().toString();
    QString nameFilter;
    if (format == QLatin1String("pdf"))
        nameFilter = tr("PDF documents (*.pdf)");
    else if (format == QLatin1String("csv"))
        nameFilter = tr("CSV files (*.csv)");
    else
        nameFilter = tr("JSON files (*.json)");
    QString start = m_output->text().trimmed();
    if (start.isEmpty())
        start = QDir::home().filePath(tr("audit-report") + QLatin1Char('.') + format);
    // Non-native: the same dialog on every platform, and scriptable in tests.
    const QString path = QFileDialog::getSaveFileName(this, tr("Save report as"), start,
                                                      nameFilter + QStringLiteral(";;") + tr("All files (*)"), nullptr,
                                                      QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        m_output->setText(path);
}

bool ReportExportDialog::startExport()
{
    if (isExporting())
        return false;
    const report::ExportRequest req = request();
    QStringList problems;
    if (req.outputPath.isEmpty()) {
        problems.append(tr("Choose the file to save the report to."));
    } else {
        const QFileInfo info(req.outputPath);
        if (info.isDir())
            problems.append(tr("\"%1\" is a folder: choose a file name.").arg(QDir::toNativeSeparators(req.outputPath)));
        else if (!info.absoluteDir().exists())
            problems.append(tr("The folder \"%1\" does not exist.").arg(QDir::toNativeSeparators(info.absolutePath())));
    }
    if (req.filter.from && req.filter.to && *req.filter.from >= *req.filter.to)
        problems.append(tr("The period is empty: \"from\" must be before \"to\"."));
    if (!problems.isEmpty()) {
        showError(problems.join(QLatin1Char('\n')));
        return false;
    }
    m_error->clear();
    m_error->setVisible(false);
    m_progress->setValue(0);
    m_status->setText(tr("Exporting…"));
    m_job = m_service->exportReport(req, this);
    setRunning(true);
    connect(m_job, &report::ReportExportJob::progressChanged, this, [this](int percent) { m_progress->setValue(percent); });
    connect(m_job, &report::ReportExportJob::succeeded, this, [this](const QString &path, qint64 records) {
        m_job->deleteLater();
        m_job.clear();
        setRunning(false);
        m_progress->setValue(100);
        m_status->setText(tr("Report saved to %1 (%n record(s)).", nullptr, int(qMin<qint64>(records, std::numeric_limits<int>::max())))
                              .arg(QDir::toNativeSeparators(path)));
        Q_EMIT exportSucceeded(path, records);
    });
    connect(m_job, &report::ReportExportJob::failed, this, [this](const QString &message) {
        m_job->deleteLater();
        m_job.clear();
        setRunning(false);
        m_status->clear();
        showError(tr("The report could not be exported: %1").arg(message));
        Q_EMIT exportFailed(message);
    });
    connect(m_job, &report::ReportExportJob::cancelled, this, [this]() {
        m_job->deleteLater();
        m_job.clear();
        setRunning(false);
        m_progress->setValue(0);
        m_status->setText(tr("Export cancelled: no file was written."));
        Q_EMIT exportCancelled();
    });
    return true;
}

void ReportExportDialog::cancelExport()
{
    if (!m_job)
        return;
    m_status->setText(tr("Cancelling…"));
    m_cancel->setEnabled(false);
    m_job->cancel();
}

void ReportExportDialog::reject()
{
    cancelExport();
    QDialog::reject();
}

void ReportExportDialog::setRunning(bool running)
{
    m_progress->setVisible(running || m_progress->value() > 0);
    m_export->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_wholeTrail, m_format, m_includeRecords, m_output, m_browse})
        w->setEnabled(!running);
    updatePeriodEnabled();
}

void ReportExportDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

QString ReportExportDialog::errorText() const
{
    return m_error->text();
}

QString ReportExportDialog::statusText() const
{
    return m_status->text();
}

int ReportExportDialog::progress() const
{
    return m_progress->value();
}

} // namespace perimeter::ui
